import { ClientRespondedV1, DeliveryReportedV1, PushAcceptedV1, PushCancelledV1, PushDeliveredV1, PushPlannedV1, SessionOpenedV1 } from '@waken/contracts';
import { createIntakeDataSource, PushInitiator, PushInitiatorRepository } from '@waken/intake-data-access';
import { DEFAULT_KAFKA_SETTINGS, MessageBus, TopicTap } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { runMigrations } from '@waken/platform-persistence';
import { HttpsServerOptions, RunningService, runService, testPlatformConfig } from '@waken/platform-runtime';
import { createTestDatabase, TEST_KAFKA_BROKERS, TestDatabase, uniqueTopicPrefix } from '@waken/testing';
import { DataSource } from 'typeorm';
import { IntakeFeatureModule } from '../intake-feature.module';
import { DEFAULT_INTAKE_OPTIONS, IntakeOptions } from '../intake.options';
import { NotifyServer } from './notify-server';

/** PIs every spec can use: two tenants, two PIs in tenant A, a slow and a trusted one. */
export const PIS: Record<string, PushInitiator & { key: string }> = {
  a: { tenantId: 'ta', piId: 'pi-a', key: 'key-a-0123456789abcdef', allowedUserPatterns: ['sip:*@a.example', 'tel:+43*'], allowedApplications: ['*'], allowedContentTypes: ['*'], trusted: false, quotaPerSecond: 100000 },
  a2: { tenantId: 'ta', piId: 'pi-a2', key: 'key-a2-0123456789abcdef', allowedUserPatterns: ['sip:*@a.example'], allowedApplications: ['*'], allowedContentTypes: ['*'], trusted: false, quotaPerSecond: 100000 },
  b: { tenantId: 'tb', piId: 'pi-b', key: 'key-b-0123456789abcdef', allowedUserPatterns: ['sip:*@b.example'], allowedApplications: ['*'], allowedContentTypes: ['*'], trusted: false, quotaPerSecond: 100000 },
  slow: { tenantId: 'ta', piId: 'pi-slow', key: 'key-slow-0123456789abcdef', allowedUserPatterns: ['*'], allowedApplications: ['*'], allowedContentTypes: ['*'], trusted: false, quotaPerSecond: 2 },
  narrow: { tenantId: 'ta', piId: 'pi-narrow', key: 'key-narrow-0123456789abcdef', allowedUserPatterns: ['*'], allowedApplications: ['x-wap-application:wml.ua'], allowedContentTypes: ['text/vnd.wap.si'], trusted: false, quotaPerSecond: 100000 },
  trusted: { tenantId: 'ta', piId: 'pi-trusted', key: 'key-trusted-0123456789abcdef', allowedUserPatterns: ['*'], allowedApplications: ['*'], allowedContentTypes: ['*'], trusted: true, quotaPerSecond: 100000 },
};

export const bearer = (pi: keyof typeof PIS) => `Bearer ${PIS[pi].key}`;

const TAPPED = [PushAcceptedV1, PushCancelledV1];

/**
 * One integration spec's world: its own database (migrated), topic prefix, a push-intake on the
 * real broker, a tap on what it publishes, a bus to feed it events, and the PI's notification
 * endpoint. restart() closes the service and starts a new one on the same database.
 */
export class IntakeHarness {
  service!: RunningService;
  private constructor(
    readonly db: TestDatabase,
    readonly ds: DataSource,
    readonly prefix: string,
    readonly tap: TopicTap,
    readonly bus: MessageBus,
    readonly notify: NotifyServer,
    private readonly overrides: Partial<IntakeOptions>,
    private readonly https?: HttpsServerOptions,
  ) {}

  static async start(name: string, overrides: Partial<IntakeOptions> = {}, https?: HttpsServerOptions): Promise<IntakeHarness> {
    const db = await createTestDatabase(name);
    const ds = await createIntakeDataSource(db.url, 20).initialize();
    await runMigrations(ds);
    const initiators = new PushInitiatorRepository();
    for (const pi of Object.values(PIS)) await initiators.save(ds.manager, pi, pi.key);
    const prefix = uniqueTopicPrefix(name);
    const tap = await TopicTap.start(TEST_KAFKA_BROKERS, prefix, TAPPED);
    const bus = new MessageBus({ ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: `${prefix}feeder`, groupId: `${prefix}feeder`, topicPrefix: prefix }, createLogger('feeder', 'error'));
    await bus.connect();
    const harness = new IntakeHarness(db, ds, prefix, tap, bus, await NotifyServer.start(), overrides, https);
    await harness.boot();
    return harness;
  }

  get url(): string {
    return this.service.url as string;
  }

  async restart(): Promise<void> {
    await this.service.close();
    await this.boot();
  }

  async close(): Promise<void> {
    await this.service?.close();
    await this.tap.stop();
    await this.bus.disconnect();
    await this.notify.close();
    await this.ds.destroy();
    await this.db.drop();
  }

  /** SQL on the spec's database, for asserting what was (not) written. */
  async count(sql: string, params: unknown[] = []): Promise<number> {
    const [row] = (await this.ds.query(sql, params)) as Array<{ n: number }>;
    return Number(row.n);
  }

  private async boot(): Promise<void> {
    const options: IntakeOptions = { ...DEFAULT_INTAKE_OPTIONS, pollIntervalMs: 50, allowPrivateNotifyUrls: true, notifyMaxBackoffMs: 500, ...this.overrides, dataSource: this.ds };
    this.service = await runService({
      platform: testPlatformConfig('push-intake', this.prefix),
      feature: IntakeFeatureModule.forRoot(options),
      http: true,
      transport: { kind: 'kafka' },
      ...(this.https && { https: this.https }),
    });
  }
}

/** The contracts the outcome tracker consumes, for feeding the broker in specs. */
export const CONSUMED = { PushPlannedV1, DeliveryReportedV1, PushDeliveredV1, SessionOpenedV1, ClientRespondedV1 };
