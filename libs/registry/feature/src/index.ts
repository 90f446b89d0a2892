export * from './registry.options';
export * from './registry-feature.module';
export * from './registry-openapi';
export { parseAdminTokens, tenantOfToken, type AdminToken } from './http/admin-tokens';
export { clientResponsePatch } from './events/client-response.patch';
export { PushResolutionHandler } from './events/push-resolution.handler';
export { PresenceHandler } from './events/presence.handler';
export { ClientResponseHandler } from './events/client-response.handler';
