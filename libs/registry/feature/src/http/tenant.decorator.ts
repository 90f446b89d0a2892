import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { TenantRequest } from './admin-token.guard';

/** The tenant the AdminTokenGuard read from the bearer token. */
export const Tenant = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const tenant = context.switchToHttp().getRequest<TenantRequest>().registryTenant;
  if (tenant === undefined) throw new Error('@Tenant() used on a route without AdminTokenGuard');
  return tenant;
});
