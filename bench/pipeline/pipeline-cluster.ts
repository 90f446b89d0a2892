import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { ServiceProcess, TEST_KAFKA_BROKERS, TestDatabase, createTestDatabase, uniqueTopicPrefix } from '@waken/testing';
import { freeSipPort, freeTcpPort } from './free-port';
import { createBenchTopics } from './topic-setup';

const ROOT = resolve(__dirname, '../..');
const run = promisify(execFile);

export const BENCH_TENANT = 'bench';
/** The services of the UDP pipeline (seed §S1-§S7, C3's pending contents); delivery-sip joins for the wake phase. */
export const PIPELINE_APPS = ['push-intake', 'registry', 'id-check', 'sir-composer', 'encapsulator', 'delivery-udp', 'session'] as const;

export interface ClusterOptions {
  withSip: boolean;
  logDir: string;
}

/**
 * The distributed gateway, one OS process per service started from `apps/<app>/src/main.ts`, on the
 * shared Kafka and PostgreSQL: fresh databases (migrated by each app's `migrate.ts up`, the explicit
 * step), a unique topic prefix and consumer groups, a PI with a quota far above the load, and a
 * unique PPG AOR at Kamailio so concurrent test runs are not disturbed.
 */
export class PipelineCluster {
  readonly services = new Map<string, ServiceProcess>();
  readonly topicPrefix = uniqueTopicPrefix('bench');
  readonly suffix = randomBytes(3).toString('hex');
  readonly ppgAor = `sip:ppg-bench-${this.suffix}@example.com`;
  readonly master = randomBytes(32);
  readonly adminToken = `bench-admin-${randomBytes(12).toString('hex')}`;
  apiKey = '';
  /** Service → its database name (pg_stat_database figures). */
  readonly databaseNames: Record<string, string> = {};
  private readonly databases: TestDatabase[] = [];

  constructor(private readonly options: ClusterOptions) {}

  get brokers(): string[] {
    return TEST_KAFKA_BROKERS;
  }

  url(app: string): string {
    const s = this.services.get(app);
    if (!s) throw new Error(`${app} is not running`);
    return s.url;
  }

  /** Databases, migrations, the PI, then every service in parallel; `onStep` reports progress. */
  async start(onStep: (what: string) => void): Promise<void> {
    const [registry, intake, session] = await Promise.all(['bench_registry', 'bench_intake', 'bench_session'].map((n) => createTestDatabase(n)));
    this.databases.push(registry, intake, session);
    Object.assign(this.databaseNames, { registry: registry.name, 'push-intake': intake.name, session: session.name });
    onStep(`databases ${this.databases.map((d) => d.name).join(', ')}; migrating`);
    await Promise.all([this.script('registry', 'migrate.ts', ['up'], registry.url), this.script('push-intake', 'migrate.ts', ['up'], intake.url), this.script('session', 'migrate.ts', ['up'], session.url)]);
    const pi = await this.script('push-intake', 'admin.ts', ['create-pi', '--tenant', BENCH_TENANT, '--pi', 'bench-pi', '--users', '*', '--quota', '1000000'], intake.url);
    this.apiKey = (JSON.parse(pi) as { apiKey: string }).apiKey;
    const env = await this.environments({ registry: registry.url, intake: intake.url, session: session.url });
    const apps = [...PIPELINE_APPS, ...(this.options.withSip ? ['delivery-sip'] : [])];
    onStep(`${await createBenchTopics(this.brokers, this.topicPrefix)} topics created; starting ${apps.length} service processes (topic prefix ${this.topicPrefix})`);
    await Promise.all(apps.map((app) => this.startService(app, { ...this.common(app), ...env[app] }, onStep)));
  }

  /** One service; a process that dies while starting is noticed at once and started again, once. */
  private async startService(app: string, env: Record<string, string>, onStep: (what: string) => void): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const service = new ServiceProcess({ app, env, httpPort: await freeTcpPort(), logDir: this.options.logDir, readyTimeoutMs: 120_000 });
      this.services.set(app, service);
      try {
        await Promise.race([service.start(), exitOf(service)]);
        onStep(`${app} ready (pid ${service.pid})`);
        return;
      } catch (e) {
        await service.stop(2000).catch(() => undefined);
        if (attempt >= 2) throw e;
        onStep(`${app} did not start (${e instanceof Error ? e.message : String(e)}; log in ${this.options.logDir}); starting it again`);
      }
    }
  }

  /** Warnings and errors each service logged, counted by message (a deadlock retried, a DLQ record, ...). */
  logDigest(): Record<string, Record<string, number>> {
    const digest: Record<string, Record<string, number>> = {};
    for (const [app, s] of this.services) {
      const file = join(this.options.logDir, `${app}-${s.options.httpPort}.log`);
      const counts: Record<string, number> = {};
      for (const line of existsSync(file) ? readFileSync(file, 'utf8').split('\n') : []) {
        const entry = parseLogLine(line);
        if (!entry || (entry.level ?? 0) < 40) continue;
        const key = `${entry.msg ?? '?'}${entry.err?.code ? ` (${entry.err.code})` : ''}`.slice(0, 120);
        counts[key] = (counts[key] ?? 0) + 1;
      }
      if (Object.keys(counts).length > 0) digest[app] = counts;
    }
    return digest;
  }

  /** SIGTERM every service (graceful drain), then drop the databases. */
  async stop(): Promise<void> {
    await Promise.allSettled([...this.services.values()].map((s) => s.stop(10_000)));
    await Promise.allSettled(this.databases.map((d) => d.drop()));
  }

  private common(app: string): Record<string, string> {
    return {
      KAFKA_BROKERS: this.brokers.join(','),
      KAFKA_TOPIC_PREFIX: this.topicPrefix,
      // groups default to the bare app name: a prefix keeps the bench out of other runs' groups
      KAFKA_GROUP_ID: `${this.topicPrefix}${app}`,
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      // BENCH_CPU_PROF=1: a V8 CPU profile of every service, written at exit (profile-summary.ts reads them)
      ...(process.env.BENCH_CPU_PROF && { NODE_OPTIONS: `--require ${join(__dirname, 'cpu-profile-preload.cjs')}`, BENCH_CPU_PROF_DIR: join(this.options.logDir, '../prof') }),
    };
  }

  private async environments(db: { registry: string; intake: string; session: string }): Promise<Record<string, Record<string, string>>> {
    const master = this.master.toString('base64');
    const sessionSipPort = await freeSipPort();
    return {
      'push-intake': { DATABASE_URL: db.intake },
      registry: { DATABASE_URL: db.registry, SIR_MASTER_KEY: master, REGISTRY_ADMIN_TOKENS: `${BENCH_TENANT}:${this.adminToken}` },
      'id-check': {},
      'sir-composer': { SIR_MASTER_KEY: master, PPG_SIP_ADDRESS: this.ppgAor, PPG_CONTACT_IPV4: '127.0.0.1', PPG_CONTACT_PORT: String(sessionSipPort) },
      encapsulator: {},
      // one datagram per SIR: the copies are the bearer's own retransmission, and one makes
      // "every accepted push produced exactly one datagram" checkable
      'delivery-udp': { UDP_LOCAL_HOST: '127.0.0.1', UDP_TRANSMISSIONS: '1' },
      session: { DATABASE_URL: db.session, SIR_MASTER_KEY: master, PPG_AOR: this.ppgAor, SESSION_SIP_HOST: '127.0.0.1', SESSION_SIP_PORT: String(sessionSipPort) },
      'delivery-sip': { SIP_LOCAL_HOST: '127.0.0.1', SIP_LOCAL_PORT: String(await freeSipPort()), SIP_FROM: this.ppgAor, SIP_TIMER_F_MS: '8000' },
    };
  }

  private async script(app: string, file: string, args: string[], databaseUrl: string): Promise<string> {
    const { stdout } = await run(process.execPath, ['-r', join(ROOT, 'scripts/ts-register.cjs'), join(ROOT, `apps/${app}/src/${file}`), ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
    });
    return stdout;
  }
}

/** Rejects when the process is gone (ServiceProcess.start only notices at its ready deadline). */
function exitOf(service: ServiceProcess): Promise<never> {
  return new Promise((_, reject) => {
    const timer = setInterval(() => {
      try {
        if (service.pid > 0) process.kill(service.pid, 0);
      } catch {
        clearInterval(timer);
        reject(new Error(`${service.options.app} exited while starting`));
      }
    }, 250);
    timer.unref();
  });
}

function parseLogLine(line: string): { level?: number; msg?: string; err?: { code?: string } } | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    return JSON.parse(line) as { level?: number; msg?: string; err?: { code?: string } };
  } catch {
    return undefined; // a line cut by the process's exit
  }
}
