// seed §C3 after a crash (reliability.md R1): apps/session runs as its own process, stores the
// pushes it consumes, and is killed with SIGKILL (no shutdown code runs). A new instance on the
// same database, broker and SIP instance id takes over; the client subscribes through Kamailio
// and receives every pending push exactly once.
import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { PushPendingV1 } from '@waken/contracts';
import { DEFAULT_KAFKA_SETTINGS, MessageBus } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { runMigrations } from '@waken/platform-persistence';
import { RunningService, runService, testPlatformConfig } from '@waken/platform-runtime';
import { createSessionDataSource } from '@waken/session-data-access';
import { TEST_KAFKA_BROKERS, TestDatabase, createTestDatabase, uniqueTopicPrefix, waitFor } from '@waken/testing';
import { SessionFeatureModule } from './session-feature.module';
import { DEFAULT_SESSION_TUNING } from './session.options';
import { TestSessionClient } from './testing/test-session-client';

const ROOT = join(__dirname, '../../../..');
const proxy = { transport: 'udp' as const, host: process.env.KAMAILIO_HOST ?? '127.0.0.1', port: Number(process.env.KAMAILIO_PORT ?? 15060) };
const suffix = randomUUID().slice(0, 8);
const ppgAor = `sip:ppg-crash-${suffix}@example.com`;
const identity = `sip:+43-8323599-${suffix}@example.com`;
const instanceId = `urn:uuid:${randomUUID()}`;
const master = Buffer.from('0123456789abcdef0123456789abcdef');
const prefix = uniqueTopicPrefix('session-crash');

/** A port nobody listens on right now (for the child's SIP socket). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

describe('session service killed with SIGKILL and replaced', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let bus: MessageBus;
  let child: ChildProcess | undefined;
  let service: RunningService | undefined;
  let tablet: TestSessionClient | undefined;
  let childLog = '';

  beforeAll(async () => {
    db = await createTestDatabase('session_crash');
    ds = createSessionDataSource(db.url, 2);
    await ds.initialize();
    await runMigrations(ds);
    bus = new MessageBus({ ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: 'pi', groupId: 'pi', topicPrefix: prefix }, createLogger('test', 'error'));
    await bus.connect();
  });

  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await service?.close();
    await tablet?.close();
    await bus?.disconnect();
    await ds?.destroy();
    await db?.drop();
  });

  it('loses no pending push and delivers none twice', async () => {
    child = spawn(process.execPath, ['-r', './scripts/ts-register.cjs', 'apps/session/src/main.ts'], {
      cwd: ROOT,
      env: {
        ...process.env, SIR_MASTER_KEY: master.toString('base64'), PPG_AOR: ppgAor, PPG_INSTANCE_ID: instanceId,
        SESSION_SIP_PORT: String(await freePort()), SIP_REGISTRAR_HOST: proxy.host, SIP_REGISTRAR_PORT: String(proxy.port),
        DATABASE_URL: db.url, KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_GROUP_ID: `${prefix}session`,
        HTTP_PORT: '0', LOG_LEVEL: 'warn', KAFKAJS_NO_PARTITIONER_WARNING: '1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d) => (childLog += String(d)));
    child.stderr?.on('data', (d) => (childLog += String(d)));
    const pushIds = Array.from({ length: 6 }, (_, i) => `k${i}@pi`);
    await bus.publish(PushPendingV1, pushIds.map((pushId) => ({
      key: identity, payload: { ...PushPendingV1.example, clientId: 'c-tablet', pushId, publicUserIdentity: identity },
    })));
    const pending = async () => ((await ds.query(`SELECT count(*)::int AS n FROM session_pending_push WHERE state = 'pending'`)) as Array<{ n: number }>)[0].n;
    await waitFor(async () => (await pending()) === 6, { what: `the child to store six pushes; its log: ${childLog.slice(-2000)}`, timeoutMs: 60_000 });

    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGKILL');
    expect(await exited).toBe(null);

    // A new consumer group: the killed member would hold the old group's rebalance for its 30 s
    // session timeout. Reading from the beginning redelivers every record to the new instance,
    // which the unique key has to absorb.
    const platform = testPlatformConfig('session', prefix);
    service = await runService({
      platform: { ...platform, kafka: { ...platform.kafka, groupId: `${prefix}session-after-crash` } },
      feature: SessionFeatureModule.forRoot({
        ...DEFAULT_SESSION_TUNING, dataSource: ds, ppgAor, instanceId, sip: { host: '127.0.0.1', port: 0, transports: ['udp', 'tcp'] },
        registrar: proxy, registerExpiresS: 60, master: new Uint8Array(master), tenants: [],
      }),
      http: false,
      transport: { kind: 'kafka' },
    });
    // one key, one partition: once the new push is stored, every earlier record was consumed again
    pushIds.push('k6@pi');
    await bus.publish(PushPendingV1, [{ key: identity, payload: { ...PushPendingV1.example, clientId: 'c-tablet', pushId: 'k6@pi', publicUserIdentity: identity } }]);
    await waitFor(async () => (await pending()) === 7, { what: 'the new instance to store the seventh push' });
    const rows = (await ds.query(`SELECT count(*)::int AS n FROM session_pending_push`)) as Array<{ n: number }>;
    expect(rows[0].n).toBe(7);

    tablet = await TestSessionClient.open('127.0.0.6', proxy, { tenantId: 'mobilkom', clientId: 'c-tablet' }, identity, ppgAor, new Uint8Array(master));
    expect((await tablet.subscribe()).status).toBe(200);
    await waitFor(async () => (await pending()) === 0, { what: 'every row delivered' });
    expect(tablet.notifies.filter((n) => n.push).map((n) => n.push?.pushId)).toEqual(pushIds);
  }, 90_000);
});
