import { SIR_INSTRUCTIONS, SirInstruction } from '@waken/contracts';
import { EnvReader, PlatformConfig, readPlatformConfig } from '@waken/platform-config';
import { IdCheckOptions } from '@waken/id-check-feature';

export interface IdCheckConfig {
  platform: PlatformConfig;
  feature: IdCheckOptions;
}

/** The one file naming id-check's environment variables. */
export function loadIdCheckConfig(env = new EnvReader()): IdCheckConfig {
  const instructions = env.list('SIR_INSTRUCTIONS', { default: ['return-capabilities'] });
  const unknown = instructions.filter((i) => !(SIR_INSTRUCTIONS as readonly string[]).includes(i));
  return env.done({
    platform: readPlatformConfig(env, 'id-check', { httpPort: 3013 }),
    feature: {
      sirTtlMs: env.int('SIR_TTL_MS', { default: 120000, min: 1000, max: 86400000 }),
      instructions: unknown.length ? (env.string('SIR_INSTRUCTIONS', { oneOf: SIR_INSTRUCTIONS }) as never) : (instructions as SirInstruction[]),
    },
  });
}
