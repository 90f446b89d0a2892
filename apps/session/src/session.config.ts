import { createHash } from 'node:crypto';
import { EnvReader, PlatformConfig, readPlatformConfig } from '@waken/platform-config';
import { DEFAULT_SESSION_TUNING, SessionOptions } from '@waken/session-feature';

export interface SessionConfig {
  platform: PlatformConfig;
  /** everything but the data source, which main.ts creates */
  feature: Omit<SessionOptions, 'dataSource'>;
  databasePoolSize: number;
}

// 22 base64 characters carry 16 bytes: the least deriveClientKey accepts.
const MASTER_KEY = /^[A-Za-z0-9+/_-]{22,}={0,2}$/;
const AOR = /^sips?:[^@\s;]+@[A-Za-z0-9.-]+(:\d{1,5})?$/;
const INSTANCE = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const TRANSPORT = ['udp', 'tcp'] as const;
const t = DEFAULT_SESSION_TUNING;

/** The one file naming the session service's environment variables (docs/session.md). */
export function loadSessionConfig(env = new EnvReader()): SessionConfig {
  const platform = readPlatformConfig(env, 'session', { httpPort: 3016 });
  const masterKey = env.string('SIR_MASTER_KEY', { pattern: MASTER_KEY, description: 'base64, at least 16 bytes; the same as the registry and sir-composer' });
  const ppgAor = env.string('PPG_AOR', { default: 'sip:ppg@example.com', pattern: AOR });
  const sip = {
    host: env.string('SESSION_SIP_HOST', { default: '127.0.0.1', pattern: IPV4 }),
    port: env.int('SESSION_SIP_PORT', { default: 5070, min: 1, max: 65535 }),
    transports: readTransports(env),
  };
  const registrar = {
    host: env.string('SIP_REGISTRAR_HOST', { default: '127.0.0.1', pattern: IPV4 }),
    port: env.int('SIP_REGISTRAR_PORT', { default: 15060, min: 1, max: 65535 }),
    transport: env.string('SIP_REGISTRAR_TRANSPORT', { default: 'udp', oneOf: TRANSPORT }) as 'udp' | 'tcp',
  };
  const feature = {
    ppgAor, sip, registrar,
    instanceId: env.string('PPG_INSTANCE_ID', { default: stableInstanceId(ppgAor, sip.host, sip.port), pattern: INSTANCE }),
    registerExpiresS: env.int('SIP_REGISTER_EXPIRES_S', { default: 600, min: 10, max: 86_400 }),
    master: new Uint8Array(Buffer.from(masterKey ?? '', 'base64')),
    tenants: env.list('SESSION_TENANTS', { default: [] }),
    ...readTuning(env),
  };
  const databasePoolSize = env.int('DATABASE_POOL_SIZE', { default: 10, min: 1, max: 100 });
  return env.done({ platform, feature, databasePoolSize });
}

function readTransports(env: EnvReader): Array<'udp' | 'tcp'> {
  const list = env.list('SESSION_SIP_TRANSPORTS', { default: ['udp', 'tcp'] });
  const bad = list.filter((x) => !(TRANSPORT as readonly string[]).includes(x));
  if (bad.length > 0 || list.length === 0) env.string('SESSION_SIP_TRANSPORTS', { pattern: /^(udp|tcp)(,(udp|tcp))?$/ });
  return list.filter((x): x is 'udp' | 'tcp' => (TRANSPORT as readonly string[]).includes(x));
}

function readTuning(env: EnvReader) {
  return {
    idleMs: env.int('SESSION_IDLE_MS', { default: t.idleMs, min: 1000, max: 86_400_000 }),
    sweepMs: env.int('SESSION_SWEEP_MS', { default: t.sweepMs, min: 50, max: 60_000 }),
    maxNotifyInflight: env.int('SESSION_NOTIFY_INFLIGHT', { default: t.maxNotifyInflight, min: 1, max: 10_000 }),
    maxNotifyPerSession: env.int('SESSION_NOTIFY_PER_SESSION', { default: t.maxNotifyPerSession, min: 1, max: 16 }),
    notifyTimeoutMs: env.int('SESSION_NOTIFY_TIMEOUT_MS', { default: t.notifyTimeoutMs, min: 500, max: 64_000 }),
    loadBatch: env.int('SESSION_LOAD_BATCH', { default: t.loadBatch, min: 1, max: 10_000 }),
    retentionMs: env.int('SESSION_RETENTION_MS', { default: t.retentionMs, min: 60_000 }),
    shutdownGraceMs: env.int('SESSION_SHUTDOWN_GRACE_MS', { default: t.shutdownGraceMs, min: 0, max: 60_000 }),
    registerRefreshAt: t.registerRefreshAt,
  };
}

/**
 * RFC 5626 §4.1: the instance id stays the same across restarts, so a restarted endpoint with
 * reg-id 1 replaces its own binding instead of adding one. Derived from the AOR and socket.
 */
function stableInstanceId(aor: string, host: string, port: number): string {
  const h = createHash('sha256').update(`${aor}|${host}|${port}`).digest('hex');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** What `migrate` needs: only the database. */
export function loadMigrateConfig(env = new EnvReader()): { databaseUrl: string } {
  return env.done({ databaseUrl: readPlatformConfig(env, 'session', { httpPort: 3016 }).databaseUrl });
}
