// The session service against the real Kamailio (registrar/proxy), Kafka and PostgreSQL, with a
// device built directly on SipEndpoint (docs/push-session.md): seed §C3 (connect, receive the
// pending pushes), §C4 (client info), §S10 (already connected), §S12 (every message answered),
// and a restart that loses nothing and duplicates nothing.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ClientRespondedV1, PushDeliveredV1, PushPendingV1, SessionClosedV1, SessionOpenedV1 } from '@waken/contracts';
import { DEFAULT_KAFKA_SETTINGS, EventEnvelope, MessageBus, TopicTap } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { runMigrations } from '@waken/platform-persistence';
import { RunningService, runService, testPlatformConfig } from '@waken/platform-runtime';
import { createSessionDataSource } from '@waken/session-data-access';
import { TEST_KAFKA_BROKERS, TestDatabase, createTestDatabase, stayFalse, uniqueTopicPrefix, waitFor } from '@waken/testing';
import { SessionFeatureModule } from './session-feature.module';
import { SessionRuntime } from './session-runtime';
import { DEFAULT_SESSION_TUNING, SessionTuning } from './session.options';
import { TestSessionClient } from './testing/test-session-client';

const proxy = { transport: 'udp' as const, host: process.env.KAMAILIO_HOST ?? '127.0.0.1', port: Number(process.env.KAMAILIO_PORT ?? 15060) };
const suffix = randomUUID().slice(0, 8);
const ppgAor = `sip:ppg-${suffix}@example.com`;
const identity = `sip:+43-8323546-${suffix}@example.com`;
const master = new Uint8Array(Buffer.from('0123456789abcdef0123456789abcdef'));
const prefix = uniqueTopicPrefix('session');
const tenantId = 'mobilkom';

describe('session service through Kamailio, on Kafka and PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let bus: MessageBus;
  let tap: TopicTap;
  let service: RunningService | undefined;
  const clients: TestSessionClient[] = [];

  const start = (tuning: Partial<SessionTuning> = {}) =>
    runService({
      platform: testPlatformConfig('session', prefix),
      feature: SessionFeatureModule.forRoot({
        ...DEFAULT_SESSION_TUNING, sweepMs: 100, notifyTimeoutMs: 4000, shutdownGraceMs: 4000, ...tuning,
        dataSource: ds, ppgAor, instanceId: `urn:uuid:${randomUUID()}`, sip: { host: '127.0.0.1', port: 0, transports: ['udp', 'tcp'] },
        registrar: proxy, registerExpiresS: 60, master, tenants: [tenantId],
      }),
      http: false,
      transport: { kind: 'kafka' },
    });
  const client = async (host: string, clientId: string) => {
    const c = await TestSessionClient.open(host, proxy, { tenantId, clientId }, identity, ppgAor, master);
    clients.push(c);
    return c;
  };
  const pend = (clientId: string, pushId: string, wake: 'sir' | 'connected' = 'sir') =>
    bus.publish(PushPendingV1, [{ key: identity, payload: { ...PushPendingV1.example, tenantId, clientId, pushId, publicUserIdentity: identity, wake } }]);
  const rowState = async (pushId: string) =>
    ((await ds.query(`SELECT state FROM session_pending_push WHERE push_id = $1`, [pushId])) as Array<{ state: string }>)[0]?.state;
  const events = <T extends { clientId: string }>(def: typeof SessionOpenedV1 | typeof SessionClosedV1 | typeof PushDeliveredV1 | typeof ClientRespondedV1, clientId: string) =>
    tap.of<T>(def).filter((e: EventEnvelope<T>) => e.payload.clientId === clientId).map((e) => e.payload);

  beforeAll(async () => {
    db = await createTestDatabase('session');
    ds = createSessionDataSource(db.url, 4);
    await ds.initialize();
    await runMigrations(ds);
    bus = new MessageBus({ ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: 'pi', groupId: 'pi', topicPrefix: prefix }, createLogger('test', 'error'));
    await bus.connect();
    tap = await TopicTap.start(TEST_KAFKA_BROKERS, prefix, [SessionOpenedV1, SessionClosedV1, PushDeliveredV1, ClientRespondedV1]);
    service = await start();
    expect(service.context.get(SessionRuntime).registered).toBe(true);
  });

  afterAll(async () => {
    await service?.close();
    await Promise.all(clients.map((c) => c.close()));
    await tap?.stop();
    await bus?.disconnect();
    await ds?.destroy();
    await db?.drop();
  });

  it('seed §C3: a woken client subscribes through Kamailio, gets 200, SessionOpenedV1, its pending push as NOTIFY; the 200 gives PushDeliveredV1 and a delivered row', async () => {
    await pend('c-phone', 'p1@pi');
    await waitFor(async () => (await rowState('p1@pi')) === 'pending', { what: 'p1 stored pending' });
    const phone = await client('127.0.0.2', 'c-phone');
    const result = await phone.subscribe({ sirId: 'sir-1' });
    expect(result.status).toBe(200);
    const opened = await waitFor(() => events<SessionOpenedV1>(SessionOpenedV1, 'c-phone')[0], { what: 'SessionOpenedV1' });
    expect(opened).toMatchObject({ tenantId, sirId: 'sir-1', via: 'sip-subscribe', publicUserIdentity: identity, contact: phone.contact });
    await waitFor(() => phone.countByPushId().get('p1@pi') === 1, { what: 'NOTIFY with p1' });
    expect(phone.notifies[0].push).toEqual({ pushId: 'p1@pi', recipientIndex: 0, contentType: 'text/plain', bodyBase64: 'aGVsbG8=' });
    expect(phone.notifies[0].subscriptionState).toMatch(/^active;expires=\d+$/);
    const delivered = await waitFor(() => events<PushDeliveredV1>(PushDeliveredV1, 'c-phone').find((e) => e.pushId === 'p1@pi'), { what: 'PushDeliveredV1 p1' });
    expect(delivered).toMatchObject({ wake: 'sir', sessionId: opened.sessionId });
    await waitFor(async () => (await rowState('p1@pi')) === 'delivered', { what: 'p1 delivered in the store' });
  });

  it('seed §S10: a push pending while the client is connected goes out at once, wake connected', async () => {
    const [phone] = clients;
    await pend('c-phone', 'p2@pi', 'connected');
    await waitFor(() => phone.countByPushId().get('p2@pi') === 1, { what: 'NOTIFY with p2' });
    const delivered = await waitFor(() => events<PushDeliveredV1>(PushDeliveredV1, 'c-phone').find((e) => e.pushId === 'p2@pi'), { what: 'PushDeliveredV1 p2' });
    expect(delivered.wake).toBe('connected');
    await waitFor(async () => (await rowState('p2@pi')) === 'delivered', { what: 'p2 delivered' });
  });

  it('a bad token gets 401 and no session; a replay gets 401; another event 489; no X-Waken-Client 400', async () => {
    const laptop = await client('127.0.0.3', 'c-laptop');
    expect((await laptop.subscribe({ auth: 'bad' })).status).toBe(401);
    expect((await laptop.subscribe({ auth: 'none' })).status).toBe(401);
    expect((await laptop.subscribe({ event: 'presence' })).status).toBe(489);
    const runtime = service?.context.get(SessionRuntime);
    expect(runtime?.core.registry.forClient({ tenantId, clientId: 'c-laptop' })).toBeUndefined();
    const callId = `${randomUUID()}@127.0.0.3`;
    expect((await laptop.subscribe({ callId, expiresS: 60 })).status).toBe(200);
    expect((await laptop.subscribe({ callId, timestampS: laptop.lastTimestampS })).status).toBe(401);
    await waitFor(() => events<SessionOpenedV1>(SessionOpenedV1, 'c-laptop').length === 1, { what: 'one SessionOpenedV1 for the laptop' });
    // the refused SUBSCRIBEs opened nothing: the only session is the accepted one, published once
    // (the replay came after it, so a session it opened would show after the first)
    await stayFalse(() => events<SessionOpenedV1>(SessionOpenedV1, 'c-laptop').length > 1, 500, 'a second SessionOpenedV1 for the laptop');
    expect(events<SessionOpenedV1>(SessionOpenedV1, 'c-laptop')).toHaveLength(1);
    expect(runtime?.core.registry.size).toBe(2);
  });

  it('seed §C4: a client-info body gives ClientRespondedV1; a rejection (Expires: 0) gives ClientRespondedV1 and no session', async () => {
    const pda = await client('127.0.0.4', 'c-pda');
    expect((await pda.subscribe({ expiresS: 0, body: '{"rejection":"user busy"}' })).status).toBe(200);
    await waitFor(() => events<ClientRespondedV1>(ClientRespondedV1, 'c-pda').find((e) => e.rejection === 'user busy'), { what: 'rejection' });
    expect(service?.context.get(SessionRuntime).core.registry.forClient({ tenantId, clientId: 'c-pda' })).toBeUndefined();
    expect((await pda.subscribe({ sirId: 'sir-9', body: '{"capabilities":{"screen":"320x240"},"preferences":{"lang":"de"}}' })).status).toBe(200);
    const info = await waitFor(() => events<ClientRespondedV1>(ClientRespondedV1, 'c-pda').find((e) => e.capabilities), { what: 'capabilities' });
    expect(info).toMatchObject({ capabilities: { screen: '320x240' }, preferences: { lang: 'de' }, sirId: 'sir-9', publicUserIdentity: identity });
  });

  it('the client ends its session in the dialog: 200, final NOTIFY noresource, SessionClosedV1 client', async () => {
    const pda = clients[2];
    expect((await pda.refresh(600)).status).toBe(200);
    expect((await pda.refresh(0)).status).toBe(200);
    await waitFor(() => pda.terminations().includes('terminated;reason=noresource'), { what: 'final NOTIFY' });
    const closed = await waitFor(() => events<SessionClosedV1>(SessionClosedV1, 'c-pda')[0], { what: 'SessionClosedV1 c-pda' });
    expect(closed.reason).toBe('client');
    expect((await pda.refresh(600)).status).toBe(481);
  });

  it('restart: pushes pending for a client are delivered exactly once by the next instance on the same database and broker', async () => {
    const pushIds = Array.from({ length: 7 }, (_, i) => `r${i}@pi`);
    for (const id of pushIds.slice(0, 5)) await pend('c-tablet', id);
    await waitFor(async () => (await Promise.all(pushIds.slice(0, 5).map(rowState))).every((s) => s === 'pending'), { what: 'five rows pending' });
    await service?.close();
    service = undefined;
    const [phone, laptop] = clients;
    await waitFor(() => phone.terminations().includes('terminated;reason=deactivated') && laptop.terminations().length === 1, { what: 'shutdown NOTIFYs' });
    await waitFor(() => tap.of<SessionClosedV1>(SessionClosedV1).filter((e) => e.payload.reason === 'shutdown').length === 2, { what: 'SessionClosedV1 shutdown x2' });
    for (const id of pushIds.slice(5)) await pend('c-tablet', id);
    service = await start({ idleMs: 2500 });
    await waitFor(async () => (await Promise.all(pushIds.map(rowState))).every((s) => s === 'pending'), { what: 'seven rows pending' });
    const tablet = await client('127.0.0.5', 'c-tablet');
    expect((await tablet.subscribe()).status).toBe(200);
    await waitFor(async () => (await Promise.all(pushIds.map(rowState))).every((s) => s === 'delivered'), { what: 'all seven delivered' });
    await waitFor(() => events<PushDeliveredV1>(PushDeliveredV1, 'c-tablet').length === 7, { what: 'seven PushDeliveredV1' });
    expect(tablet.notifies.filter((n) => n.push).map((n) => n.push?.pushId)).toEqual(pushIds);
  });

  it('an idle session ends with the terminated NOTIFY (timeout) and SessionClosedV1 idle; nothing was sent twice', async () => {
    const tablet = clients[3];
    await waitFor(() => tablet.terminations().includes('terminated;reason=timeout'), { what: 'idle NOTIFY', timeoutMs: 10_000 });
    const closed = await waitFor(() => events<SessionClosedV1>(SessionClosedV1, 'c-tablet')[0], { what: 'SessionClosedV1 c-tablet' });
    expect(closed.reason).toBe('idle');
    expect([...tablet.countByPushId().values()].every((n) => n === 1)).toBe(true);
    expect(tablet.countByPushId().size).toBe(7);
  });
});
