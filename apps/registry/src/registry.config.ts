import { EnvReader, PlatformConfig, readPlatformConfig } from '@waken/platform-config';
import { AdminToken, parseAdminTokens } from '@waken/registry-feature';

export interface RegistryConfig {
  platform: PlatformConfig;
  /** SIR master secret (reliability.md: SIR authenticity); never logged. */
  sirMasterKey: Uint8Array;
  adminTokens: AdminToken[];
}

// 22 base64 characters carry 16 bytes: the least deriveClientKey accepts.
const MASTER_KEY = /^[A-Za-z0-9+/_-]{22,}={0,2}$/;
const TOKEN_ENTRY = '[A-Za-z0-9._-]{1,128}:[^,\\s]{16,}';
const ADMIN_TOKENS = new RegExp(`^${TOKEN_ENTRY}(\\s*,\\s*${TOKEN_ENTRY})*$`);

/** The one file naming the registry's environment variables. */
export function loadRegistryConfig(env = new EnvReader()): RegistryConfig {
  const platform = readPlatformConfig(env, 'registry', { httpPort: 3012 });
  const masterKey = env.string('SIR_MASTER_KEY', { pattern: MASTER_KEY, description: 'base64, at least 16 bytes' });
  const tokens = env.string('REGISTRY_ADMIN_TOKENS', { pattern: ADMIN_TOKENS, description: 'tenantA:token1,tenantB:token2; tokens of 16+ characters' });
  env.done(undefined); // every problem reported at once, before anything is decoded
  return { platform, sirMasterKey: new Uint8Array(Buffer.from(masterKey, 'base64')), adminTokens: parseAdminTokens(tokens) };
}

/** What `migrate` needs: only the database. */
export function loadMigrateConfig(env = new EnvReader()): { databaseUrl: string } {
  return env.done({ databaseUrl: readPlatformConfig(env, 'registry', { httpPort: 3012 }).databaseUrl });
}
