import { EnvReader, PlatformConfig, readPlatformConfig } from '@waken/platform-config';
import { SirComposerOptions } from '@waken/sir-feature';
import { ipv4ContactPoint } from '@waken/sir-domain';

export interface SirComposerConfig {
  platform: PlatformConfig;
  feature: SirComposerOptions;
}

/** The one file naming sir-composer's environment variables. */
export function loadSirComposerConfig(env = new EnvReader()): SirComposerConfig {
  const master = Buffer.from(env.string('SIR_MASTER_KEY', { description: 'base64, at least 16 bytes; the same as the registry' }) ?? '', 'base64');
  const contactHost = env.string('PPG_CONTACT_IPV4', { default: '127.0.0.1', pattern: /^\d{1,3}(\.\d{1,3}){3}$/ });
  const contactPort = env.int('PPG_CONTACT_PORT', { default: 5070, min: 1, max: 65535 });
  return env.done({
    platform: readPlatformConfig(env, 'sir-composer', { httpPort: 3014 }),
    feature: {
      // the session endpoint's AOR (= apps/session PPG_AOR): woken clients SUBSCRIBE to it through the proxy
      ppgAddress: env.string('PPG_SIP_ADDRESS', { default: 'sip:ppg@example.com', pattern: /^sips?:[^\s;]+$/ }),
      contactPoints: [ipv4ContactPoint(contactHost, contactPort)],
      master: master.length >= 16 ? master : (env.string('SIR_MASTER_KEY', { pattern: /^.{22,}$/ }), master),
      ttlMs: env.int('SIR_TTL_MS', { default: 120000, min: 1000, max: 86400000 }),
    },
  });
}
