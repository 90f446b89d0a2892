import { DeliveryUdpOptions, readDeliveryPolicy } from '@waken/bearer-feature';
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
      policy: readDeliveryPolicy(env),
      udp: {
        localHost: env.string('UDP_LOCAL_HOST', { default: '0.0.0.0' }),
        localPort: env.int('UDP_LOCAL_PORT', { default: 0, min: 0, max: 65535 }),
        transmissions: env.int('UDP_TRANSMISSIONS', { default: 3, min: 1, max: 10 }),
        repeatIntervalMs: env.int('UDP_REPEAT_INTERVAL_MS', { default: 1000, min: 10, max: 60_000 }),
      },
    },
  });
}
