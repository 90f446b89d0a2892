import { DeliverySmsOptions, readDeliveryPolicy } from '@waken/bearer-feature';
import { EnvReader, PlatformConfig, readPlatformConfig } from '@waken/platform-config';

export interface DeliverySmsConfig {
  platform: PlatformConfig;
  feature: DeliverySmsOptions;
}

/** The one file naming delivery-sms's environment variables (docs/delivery.md lists them). */
export function loadDeliverySmsConfig(env = new EnvReader()): DeliverySmsConfig {
  const rate = env.int('SMPP_MESSAGES_PER_SECOND', { default: 0, min: 0, max: 100_000 });
  return env.done({
    platform: readPlatformConfig(env, 'delivery-sms', { httpPort: 3021 }),
    feature: {
      policy: readDeliveryPolicy(env),
      smpp: {
        host: env.string('SMPP_HOST', { default: '127.0.0.1' }),
        port: env.int('SMPP_PORT', { default: 2775, min: 1, max: 65535 }),
        systemId: env.string('SMPP_SYSTEM_ID', { description: 'the ESME account the SMSC granted' }),
        password: env.string('SMPP_PASSWORD', { description: 'the bind password' }),
        systemType: env.optionalString('SMPP_SYSTEM_TYPE'),
        sourceAddr: env.optionalString('SMPP_SOURCE_ADDR'),
        window: env.int('SMPP_WINDOW', { default: 10, min: 1, max: 1000 }),
        // 0: no cap of our own (the SMSC throttles with ESME_RTHROTTLED, which is retried)
        messagesPerSecond: rate === 0 ? undefined : rate,
        burst: env.int('SMPP_BURST', { default: 1, min: 1, max: 10_000 }),
        enquireLinkIntervalMs: env.int('SMPP_ENQUIRE_LINK_MS', { default: 30_000, min: 1000, max: 600_000 }),
      },
      receiptGraceMs: env.int('SMS_RECEIPT_GRACE_MS', { default: 600_000, min: 0, max: 7 * 86_400_000 }),
      receiptCapacity: env.int('SMS_RECEIPT_CAPACITY', { default: 200_000, min: 1, max: 10_000_000 }),
    },
  });
}
