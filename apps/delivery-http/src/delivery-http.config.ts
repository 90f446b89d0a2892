import { DeliveryHttpOptions, readDeliveryPolicy } from '@waken/bearer-feature';
import { EnvReader, PlatformConfig, readPlatformConfig } from '@waken/platform-config';

export interface DeliveryHttpConfig {
  platform: PlatformConfig;
  feature: DeliveryHttpOptions;
}

/** The one file naming delivery-http's environment variables (docs/delivery.md lists them). */
export function loadDeliveryHttpConfig(env = new EnvReader()): DeliveryHttpConfig {
  return env.done({
    platform: readPlatformConfig(env, 'delivery-http', { httpPort: 3023 }),
    feature: {
      policy: readDeliveryPolicy(env),
      http: {
        connectTimeoutMs: env.int('HTTP_PUSH_CONNECT_TIMEOUT_MS', { default: 3000, min: 10, max: 60_000 }),
        responseTimeoutMs: env.int('HTTP_PUSH_RESPONSE_TIMEOUT_MS', { default: 10_000, min: 10, max: 300_000 }),
        maxSockets: env.int('HTTP_PUSH_MAX_SOCKETS', { default: 64, min: 1, max: 10_000 }),
        // SSRF: production keeps non-public targets refused; the embedded/test mode sets it
        allowPrivateTargets: env.bool('HTTP_PUSH_ALLOW_PRIVATE_TARGETS', { default: false }),
        userAgent: env.string('HTTP_PUSH_USER_AGENT', { default: 'waken-delivery-http' }),
      },
    },
  });
}
