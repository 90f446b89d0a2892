import { readFileSync } from 'node:fs';
import { ConfigError, EnvReader, PlatformConfig, readPlatformConfig } from '@waken/platform-config';
import { DEFAULT_INTAKE_OPTIONS, IntakeOptions } from '@waken/intake-feature';

export interface PushIntakeConfig {
  platform: PlatformConfig;
  /** Everything but the data source, which main.ts creates from platform.databaseUrl. */
  feature: Omit<IntakeOptions, 'dataSource'>;
  databasePoolSize: number;
  /** HTTPS instead of HTTP, and optionally mutual TLS for PIs (docs/push-intake.md "Client certificates"). */
  tls?: IntakeTls;
}

export interface IntakeTls {
  cert: Buffer;
  key: Buffer;
  /** CAs whose client certificates are trusted; absent: no client certificate is asked for. */
  clientCa?: Buffer;
}

/** INTAKE_TLS_CERT_FILE + INTAKE_TLS_KEY_FILE (both or neither), INTAKE_TLS_CLIENT_CA_FILE (needs them). */
export function readIntakeTls(env: EnvReader): IntakeTls | undefined {
  const certFile = env.optionalString('INTAKE_TLS_CERT_FILE');
  const keyFile = env.optionalString('INTAKE_TLS_KEY_FILE');
  const caFile = env.optionalString('INTAKE_TLS_CLIENT_CA_FILE');
  if (!certFile && !keyFile && !caFile) return undefined;
  if (!certFile || !keyFile) throw new ConfigError(['INTAKE_TLS_CERT_FILE and INTAKE_TLS_KEY_FILE go together (and INTAKE_TLS_CLIENT_CA_FILE needs both)']);
  const read = (name: string, file: string) => {
    try {
      return readFileSync(file);
    } catch (e) {
      throw new ConfigError([`${name}: cannot read ${file} (${(e as Error).message})`]);
    }
  };
  return {
    cert: read('INTAKE_TLS_CERT_FILE', certFile),
    key: read('INTAKE_TLS_KEY_FILE', keyFile),
    ...(caFile && { clientCa: read('INTAKE_TLS_CLIENT_CA_FILE', caFile) }),
  };
}

const KEY_ENTRY = /^([A-Za-z0-9._-]{1,64}):([A-Za-z0-9._-]{1,64}):([\x21-\x7e]{16,512})$/;

/** `tenant:pi:key,...` → seeded keys; a malformed entry is a boot error. */
export function parsePiKeys(entries: string[]): { keys: IntakeOptions['seededKeys']; bad: string[] } {
  const keys: Array<IntakeOptions['seededKeys'][number]> = [];
  const bad: string[] = [];
  for (const entry of entries) {
    const m = KEY_ENTRY.exec(entry);
    if (m) keys.push({ tenantId: m[1], piId: m[2], apiKey: m[3] });
    else bad.push(entry.split(':').slice(0, 2).join(':'));
  }
  return { keys, bad };
}

/** The one file naming push-intake's environment variables (docs/push-intake.md "Configuration"). */
export function loadPushIntakeConfig(env = new EnvReader()): PushIntakeConfig {
  const d = DEFAULT_INTAKE_OPTIONS;
  const { keys, bad } = parsePiKeys(env.list('INTAKE_PI_KEYS', { default: [] }));
  // only tenant:pi of a bad entry is named: the key itself must not reach the logs
  if (bad.length) throw new ConfigError([`INTAKE_PI_KEYS entries must be tenant:pi:key with a key of 16+ printable characters: ${bad.join(', ')}`]);
  const tls = readIntakeTls(env);
  const requireClientCertificate = env.bool('INTAKE_REQUIRE_CLIENT_CERT', { default: false });
  if (requireClientCertificate && !tls?.clientCa) throw new ConfigError(['INTAKE_REQUIRE_CLIENT_CERT needs INTAKE_TLS_CLIENT_CA_FILE (and the server certificate and key)']);
  return env.done({
    ...(tls && { tls }),
    platform: readPlatformConfig(env, 'push-intake', { httpPort: 3011 }),
    databasePoolSize: env.int('DATABASE_POOL_SIZE', { default: 10, min: 1, max: 200 }),
    feature: {
      maxBodyBytes: env.int('INTAKE_MAX_BODY_BYTES', { default: d.maxBodyBytes, min: 1024, max: 16 * 1024 * 1024 }),
      bodyTimeoutMs: env.int('INTAKE_BODY_TIMEOUT_MS', { default: d.bodyTimeoutMs, min: 100, max: 300000 }),
      unavailableRetryAfterS: env.int('INTAKE_RETRY_AFTER_S', { default: d.unavailableRetryAfterS, min: 1, max: 3600 }),
      requireClientCertificate,
      piCacheTtlMs: env.int('INTAKE_PI_CACHE_TTL_MS', { default: d.piCacheTtlMs, min: 0, max: 300000 }),
      pollIntervalMs: env.int('INTAKE_POLL_INTERVAL_MS', { default: d.pollIntervalMs, min: 10, max: 60000 }),
      relayBatchSize: env.int('INTAKE_RELAY_BATCH', { default: d.relayBatchSize, min: 1, max: 5000 }),
      notifyTimeoutMs: env.int('INTAKE_NOTIFY_TIMEOUT_MS', { default: d.notifyTimeoutMs, min: 100, max: 60000 }),
      notifyMaxAttempts: env.int('INTAKE_NOTIFY_MAX_ATTEMPTS', { default: d.notifyMaxAttempts, min: 1, max: 100 }),
      notifyMaxBackoffMs: env.int('INTAKE_NOTIFY_MAX_BACKOFF_MS', { default: d.notifyMaxBackoffMs, min: 100, max: 3600000 }),
      allowPrivateNotifyUrls: env.bool('INTAKE_ALLOW_PRIVATE_NOTIFY_URLS', { default: false }),
      senderAddress: env.string('INTAKE_SENDER_ADDRESS', { default: d.senderAddress }),
      senderName: env.string('INTAKE_SENDER_NAME', { default: d.senderName }),
      seededKeys: keys,
    },
  });
}
