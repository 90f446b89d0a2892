import { ValidationPipe } from '@nestjs/common';

/**
 * Input DTOs are validated, and unknown fields are refused, not silently dropped: a typo in a
 * field name must not become a client registered without the preference the caller set.
 * Errors are 400 with one message per problem, naming the field path (deviceIdentities.0.kind).
 */
export function registryValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
  });
}
