import { EncapsulatorOptions } from '@waken/bearer-feature';
import { EnvReader, PlatformConfig, readPlatformConfig } from '@waken/platform-config';

export interface EncapsulatorConfig {
  platform: PlatformConfig;
  feature: EncapsulatorOptions;
}

/** The one file naming the encapsulator's environment variables (docs/bearers.md, "Configuration"). */
export function loadEncapsulatorConfig(env = new EnvReader()): EncapsulatorConfig {
  const deadline = env.int('SESSION_DEADLINE_MS', { default: 0, min: 0, max: 86400000, description: '0: no fallback for a missing session' });
  const acceptContact = env.string('SIP_ACCEPT_CONTACT', { default: '*;+g.oma.pusheventapp="push.sia"', pattern: /^[^\r\n]{1,512}$/ });
  return env.done({
    platform: readPlatformConfig(env, 'encapsulator', { httpPort: 3015 }),
    feature: {
      encapsulation: {
        sip: {
          body: env.string('SIP_SIR_BODY', { default: 'json', oneOf: ['json', 'sia'] }) as 'json' | 'sia',
          acceptContact: acceptContact === 'none' ? false : acceptContact,
        },
        sms: { reference16: env.bool('SMS_CONCAT_REFERENCE_16BIT', { default: false }) },
        httpBody: env.string('HTTP_SIR_BODY', { default: 'json', oneOf: ['json', 'sia'] }) as 'json' | 'sia',
        udpDefaultPort: env.int('UDP_DEFAULT_PORT', { default: 2948, min: 1, max: 65535 }),
      },
      sessionDeadlineMs: deadline > 0 ? deadline : undefined,
      maxTrackedSirs: env.int('FALLBACK_MAX_TRACKED_SIRS', { default: 50000, min: 1, max: 1000000 }),
      sweepIntervalMs: env.int('FALLBACK_SWEEP_INTERVAL_MS', { default: 1000, min: 50, max: 60000 }),
    },
  });
}
