import { DeliverySipOptions, readDeliveryPolicy } from '@waken/bearer-feature';
import { EnvReader, PlatformConfig, readPlatformConfig } from '@waken/platform-config';

export interface DeliverySipConfig {
  platform: PlatformConfig;
  feature: DeliverySipOptions;
}

const HOST = /^[A-Za-z0-9.:-]+$/;

/** The one file naming delivery-sip's environment variables (docs/delivery.md lists them). */
export function loadDeliverySipConfig(env = new EnvReader()): DeliverySipConfig {
  return env.done({
    platform: readPlatformConfig(env, 'delivery-sip', { httpPort: 3020 }),
    feature: {
      policy: readDeliveryPolicy(env),
      sip: {
        localHost: env.string('SIP_LOCAL_HOST', { default: '127.0.0.1', pattern: HOST }),
        localPort: env.int('SIP_LOCAL_PORT', { default: 5080, min: 0, max: 65535 }),
        proxy: {
          host: env.string('SIP_PROXY_HOST', { default: '127.0.0.1', pattern: HOST }),
          port: env.int('SIP_PROXY_PORT', { default: 15060, min: 1, max: 65535 }),
          transport: env.string('SIP_PROXY_TRANSPORT', { default: 'udp', oneOf: ['udp', 'tcp'] }) as 'udp' | 'tcp',
        },
        from: env.string('SIP_FROM', { default: 'sip:ppg@example.com', pattern: /^sips?:[^\s]+$/ }),
        timerFMs: env.int('SIP_TIMER_F_MS', { default: 32_000, min: 100, max: 120_000 }),
        t1Ms: env.int('SIP_T1_MS', { default: 500, min: 10, max: 10_000 }),
        maxInflight: env.int('SIP_MAX_INFLIGHT', { default: 512, min: 1, max: 100_000 }),
        userAgent: env.string('SIP_USER_AGENT', { default: 'waken-delivery-sip' }),
      },
    },
  });
}
