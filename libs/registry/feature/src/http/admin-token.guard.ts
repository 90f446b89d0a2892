import { CanActivate, ExecutionContext, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { REGISTRY_OPTIONS, RegistryOptions } from '../registry.options';
import { tenantOfToken } from './admin-tokens';

/** What the guard leaves on the request for @Tenant(). */
export interface TenantRequest {
  headers: Record<string, string | string[] | undefined>;
  registryTenant?: string;
}

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/;

/**
 * `Authorization: Bearer <token>`: the token names the tenant (never the body or the path), so
 * every request is scoped to one tenant's users. 401 when absent or unknown.
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(@Inject(REGISTRY_OPTIONS) private readonly options: RegistryOptions) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<TenantRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' ? BEARER.exec(header)?.[1] : undefined;
    const tenant = token === undefined ? undefined : tenantOfToken(this.options.adminTokens, token);
    if (tenant === undefined) throw new UnauthorizedException('a valid "Authorization: Bearer <token>" header is required');
    request.registryTenant = tenant;
    return true;
  }
}
