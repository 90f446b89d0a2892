import { plainToInstance } from 'class-transformer';
import { validate, ValidationError } from 'class-validator';
import { CreatePushDto } from './create-push.dto';
import { JsonInputError } from './json-input-error';

/**
 * Whitelist validation (reliability.md #16): unknown fields anywhere are a 400, not dropped.
 * The input came from parseStrictJson, so it holds no prototype keys to smuggle through.
 */
export async function validateCreatePush(input: unknown): Promise<CreatePushDto> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new JsonInputError(400, 'invalid-body', 'body must be a JSON object');
  const dto = plainToInstance(CreatePushDto, input, { enableImplicitConversion: false });
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new JsonInputError(400, 'invalid-body', messagesOf(errors).slice(0, 10).join('; '));
  return dto;
}

function messagesOf(errors: ValidationError[], path = ''): string[] {
  return errors.flatMap((e) => {
    const at = path ? `${path}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) => (m.startsWith(e.property) ? `${path ? `${path}.` : ''}${m}` : `${at}: ${m}`));
    return [...own, ...messagesOf(e.children ?? [], at)];
  });
}
