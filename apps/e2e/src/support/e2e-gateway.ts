import { join } from 'node:path';
import { TopicTap } from '@waken/platform-messaging';
import { ServiceProcess, TEST_KAFKA_BROKERS, TestDatabase, createTestDatabase } from '@waken/testing';
import { DeviceFleet } from './device-fleet';
import { E2eSmsc } from './e2e-smsc';
import { GATEWAY_SERVICES, GatewayService, reserveGatewayPorts } from './gateway-ports';
import { GatewayDatabases, GatewaySettings, gatewaySettings, serviceEnvironment } from './gateway-settings';
import { REPO_ROOT, runMigrateEntry } from './migrate-entry';
import { PushInitiator } from './push-initiator';
import { RegistryAdmin } from './registry-admin';
import { createPipelineTopics } from './pipeline-topics';
import { startService } from './service-start';
import { OBSERVED_EVENTS } from './wire-account';

export interface E2eGatewayOptions {
  /** Short, lowercase: names the databases, topics, PPG AOR and log directory of the file. */
  readonly name: string;
  /** First port of the file's range (see gateway-ports.ts); each file has its own. */
  readonly portBase: number;
  /** Loopback address of the file's devices (127.0.0.x, not Kamailio's 127.0.0.1). */
  readonly deviceHost: string;
}

const READY_TIMEOUT_MS = 180_000;

/**
 * The whole gateway for one test file, every service as its own OS process started from its
 * `main.ts` (docs/e2e.md): fresh databases migrated by the apps' migrate entries, a unique Kafka
 * topic prefix and consumer groups, its own ports and PPG AOR, an SMSC, the PI and the devices.
 * Construct it synchronously, `start()` in beforeAll, `stop()` in afterAll: stop() ends whatever
 * start() got to, by PID, even when start() failed half-way.
 */
export class E2eGateway {
  readonly smsc = new E2eSmsc();
  readonly services = new Map<GatewayService, ServiceProcess>();
  private readonly databases: TestDatabase[] = [];
  private parts?: { settings: GatewaySettings; tap: TopicTap; pi: PushInitiator; registry: RegistryAdmin; fleet: DeviceFleet };
  private tapStarted?: TopicTap;
  private piStarted?: PushInitiator;
  private fleetOpened?: DeviceFleet;

  constructor(readonly options: E2eGatewayOptions) {}

  get settings(): GatewaySettings { return this.started.settings; }
  get tap(): TopicTap { return this.started.tap; }
  get pi(): PushInitiator { return this.started.pi; }
  get registry(): RegistryAdmin { return this.started.registry; }
  get fleet(): DeviceFleet { return this.started.fleet; }

  async start(): Promise<void> {
    const settings = gatewaySettings(this.options.name, await reserveGatewayPorts(this.options.portBase));
    const [db, smscPort] = await Promise.all([this.migratedDatabases(), this.smsc.start(), createPipelineTopics(settings.topicPrefix)]);
    this.tapStarted = await TopicTap.start(TEST_KAFKA_BROKERS, settings.topicPrefix, OBSERVED_EVENTS);
    const logDir = join(REPO_ROOT, '.run', 'logs', 'e2e', this.options.name);
    for (const service of GATEWAY_SERVICES) {
      const env = serviceEnvironment(service, settings, db, smscPort);
      this.services.set(service, new ServiceProcess({ app: service, env, httpPort: settings.ports.http[service], logDir, readyTimeoutMs: READY_TIMEOUT_MS }));
    }
    await Promise.all([...this.services.values()].map((s) => startService(s, logDir)));
    const url = (s: GatewayService) => `http://127.0.0.1:${settings.ports.http[s]}`;
    this.piStarted = new PushInitiator(url('push-intake'), settings.piKey);
    await this.piStarted.start();
    const registry = new RegistryAdmin(url('registry'), settings.adminToken);
    this.fleetOpened = await DeviceFleet.open(this.options.deviceHost, settings, registry, this.smsc);
    this.parts = { settings, tap: this.tapStarted, pi: this.piStarted, registry, fleet: this.fleetOpened };
  }

  /** Devices first (their sessions end while the session service is up), then the processes. */
  async stop(): Promise<void> {
    await Promise.allSettled([this.fleetOpened?.close(), this.piStarted?.stop()]);
    await Promise.allSettled([...this.services.values()].map((s) => s.stop(10_000)));
    await Promise.allSettled([this.tapStarted?.stop(), this.smsc.stop()]);
    await Promise.allSettled(this.databases.map((d) => d.drop()));
  }

  /** PIDs of the service processes, for the report of a failed run. */
  pids(): Record<string, number> {
    return Object.fromEntries([...this.services].map(([name, s]) => [name, s.pid]));
  }

  private get started(): NonNullable<E2eGateway['parts']> {
    if (!this.parts) throw new Error('E2eGateway.start() has not completed');
    return this.parts;
  }

  /** One database per service that has one, each migrated by that app's `migrate.ts up`. */
  private async migratedDatabases(): Promise<GatewayDatabases> {
    const name = this.options.name.replace(/-/g, '_');
    const create = async (app: 'push-intake' | 'registry' | 'session') => {
      const db = await createTestDatabase(`e2e_${name}_${app.replace('-', '_')}`);
      this.databases.push(db);
      await runMigrateEntry(app, db.url);
      return db.url;
    };
    const [intake, registry, session] = await Promise.all([create('push-intake'), create('registry'), create('session')]);
    return { intake, registry, session };
  }
}
