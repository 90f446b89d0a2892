import { DeliveryUdpOptions } from '@waken/bearer-feature';
import { EnvReader, PlatformConfig, readPlatformConfig } from '@waken/platform-config';

export interface DeliveryUdpConfig {
  platform: PlatformConfig;
  feature: DeliveryUdpOptions;
}

/** The one file naming delivery-udp's environment variables (docs/delivery.md lists them). */
export function loadDeliveryUdpConfig(env = new EnvReader()): DeliveryUdpConfig {
  return env.done({
    platform: readPlatformConfig(env, 'delivery-udp', { httpPort: 3022 }),
    feature: {
      policy: {
        maxAttempts: env.int('DELIVERY_MAX_ATTEMPTS', { default: 3, min: 1, max: 10 }),
        initialBackoffMs: env.int('DELIVERY_BACKOFF_INITIAL_MS', { default: 100, min: 1, max: 60_000 }),
        maxBackoffMs: env.int('DELIVERY_BACKOFF_MAX_MS', { default: 2000, min: 1, max: 300_000 }),
        concurrency: env.int('DELIVERY_CONCURRENCY', { default: 1024, min: 1, max: 100_000 }),
        dedupeCapacity: env.int('DELIVERY_DEDUPE_CAPACITY', { default: 100_000, min: 1, max: 10_000_000 }),
      },
      udp: {
        localHost: env.string('UDP_LOCAL_HOST', { default: '0.0.0.0' }),
        localPort: env.int('UDP_LOCAL_PORT', { default: 0, min: 0, max: 65535 }),
        transmissions: env.int('UDP_TRANSMISSIONS', { default: 3, min: 1, max: 10 }),
        repeatIntervalMs: env.int('UDP_REPEAT_INTERVAL_MS', { default: 1000, min: 10, max: 60_000 }),
      },
    },
  });
}
