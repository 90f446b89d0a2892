// The device side (libs/client, libs/client-runtime) against the real session service and registry,
// on Kamailio, Kafka and PostgreSQL (seed §C1-C5, §S7-S10). Clients are created over the registry
// API, which returns each client's SIR key (the device's only key material); SIRs are composed with
// the PPG master and sent as SIP MESSAGEs through Kamailio, the way delivery-sip does.
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SipEndpoint } from '@waken/bearer-sip-transport';
import { ApplicationRegistry, type BroadcastPolicy, type ClientProfile, type PushNotification } from '@waken/client';
import { SipDeviceHub, WakenDevice, type SirOutcome } from '@waken/client-runtime';
import { ClientRespondedV1, PushDeliveredV1, PushPendingV1, SessionOpenedV1, type SirDocument, type SirRequestedV1 } from '@waken/contracts';
import { DEFAULT_KAFKA_SETTINGS, EventEnvelope, MessageBus, TopicTap } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { runMigrations } from '@waken/platform-persistence';
import { RunningService, runService, testPlatformConfig } from '@waken/platform-runtime';
import { createRegistryDataSource } from '@waken/registry-data-access';
import { RegistryFeatureModule, parseAdminTokens } from '@waken/registry-feature';
import { createSessionDataSource } from '@waken/session-data-access';
import { DEFAULT_SESSION_TUNING, SessionFeatureModule } from '@waken/session-feature';
import { composeSir, deriveUserKey, encodeSirJson, keyIdFor, placeIdentity, SIR_JSON_MEDIA_TYPE } from '@waken/sir-domain';
import { TEST_KAFKA_BROKERS, TestDatabase, createTestDatabase, uniqueTopicPrefix, waitFor } from '@waken/testing';

const proxy = { transport: 'udp' as const, host: process.env.KAMAILIO_HOST ?? '127.0.0.1', port: Number(process.env.KAMAILIO_PORT ?? 15060) };
const suffix = randomUUID().slice(0, 8);
const prefix = uniqueTopicPrefix('e2e-session-wake');
const TENANT = 'mobilkom';
const TOKEN = 'e2e-session-token-0123456789';
const master = randomBytes(32);
const ppgAor = `sip:ppg-${suffix}@example.com`;
const NAMES = ['phone', 'laptop', 'desktop'] as const;
type Name = (typeof NAMES)[number];

interface SimUser {
  aor: string;
  devices: Record<Name, WakenDevice>;
  clientIds: Record<Name, string>;
  instances: Record<Name, string>;
  outcomes: Record<Name, SirOutcome[]>;
  pushes: Record<Name, PushNotification[]>;
}

describe('device SDK + session service + registry (seed §C1-C5)', () => {
  let registryDb: TestDatabase;
  let sessionDb: TestDatabase;
  let registryDs: DataSource;
  let sessionDs: DataSource;
  let registry: RunningService;
  let session: RunningService;
  let bus: MessageBus;
  let tap: TopicTap;
  let hub: SipDeviceHub;
  let sender: SipEndpoint;
  const users: SimUser[] = [];

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked by the assertions
  const api = async (method: string, path: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${registry.url}${path}`, {
      method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const events = <T extends { clientId: string }>(def: typeof SessionOpenedV1 | typeof PushDeliveredV1 | typeof ClientRespondedV1, clientId: string) =>
    tap.of<T>(def).filter((e: EventEnvelope<T>) => e.payload.clientId === clientId).map((e) => e.payload);
  const opened = (u: SimUser, n: Name) => events<SessionOpenedV1>(SessionOpenedV1, u.clientIds[n]);
  const decided = (u: SimUser, names: readonly Name[], count = 1) => waitFor(() => names.every((n) => u.outcomes[n].length >= count), { what: `decisions of ${names.join(', ')}` });
  const reasons = (u: SimUser, n: Name) => u.outcomes[n].map((o) => (o.kind === 'declined' ? o.decision.reason : o.kind));

  /** One user with three clients: created in the registry, then started as SDK devices on one hub. */
  async function newUser(label: string, policies: Partial<Record<Name, BroadcastPolicy>> = {}): Promise<SimUser> {
    const aor = `sip:+43-${label}-${suffix}@example.com`;
    await api('POST', '/v1/users', { publicUserIdentity: aor });
    const u = { aor, devices: {}, clientIds: {}, instances: {}, outcomes: {}, pushes: {} } as SimUser;
    for (const name of NAMES) {
      const instance = `urn:uuid:${randomUUID()}`;
      const clientId = `${label}-${name}-${suffix}`;
      const created = await api('POST', `/v1/users/${encodeURIComponent(aor)}/clients`, {
        clientId, deviceIdentities: [{ kind: 'uuid', value: instance }], activationMethods: [{ bearer: 'sip', address: `${aor};gr=${instance}` }],
      });
      Object.assign(u.clientIds, { [name]: clientId });
      Object.assign(u.instances, { [name]: instance });
      u.outcomes[name] = [];
      u.pushes[name] = [];
      const applications = new ApplicationRegistry();
      applications.setDefaultHandler({ onPush: (p) => void u.pushes[name].push(p) });
      const profile: ClientProfile = {
        tenantId: TENANT, clientId, publicUserIdentity: aor, identities: [{ kind: 'uuid', value: instance }],
        clientKey: { keyId: created.sirKey.keyId, key: new Uint8Array(Buffer.from(created.sirKey.key, 'base64url')) },
        // the registry issues no user key yet: broadcasts without identity use the derived one
        userKey: { keyId: keyIdFor('user', TENANT, aor), key: deriveUserKey(master, TENANT, aor) },
        trustedPpgAddresses: [ppgAor], subscribedPpgAddresses: [ppgAor],
        info: { capabilities: { device: name, screen: '1080x2400' }, preferences: { lang: 'de' } },
      };
      u.devices[name] = new WakenDevice({
        profile, policy: policies[name], applications, onOutcome: (o) => u.outcomes[name].push(o),
        sip: { hub, contactUser: clientId, instanceId: instance, registerExpires: 300 },
      });
      await u.devices[name].start();
    }
    users.push(u);
    return u;
  }

  function sir(u: SimUser, mode: SirRequestedV1['mode'], target?: Name, extra: { instructions?: SirRequestedV1['instructions']; now?: Date; ppgAddress?: string } = {}): SirDocument {
    const request: SirRequestedV1 = {
      tenantId: TENANT, pushId: `p-${randomBytes(4).toString('hex')}`, sirRequestId: randomBytes(8).toString('hex'), mode, publicUserIdentity: u.aor,
      targetClientIds: [target ? u.clientIds[target] : u.clientIds.phone],
      ...(target && { deviceIdentity: { kind: 'gruu' as const, value: `${u.aor};gr=${u.instances[target]}` } }),
      activation: { bearer: 'sip', address: u.aor }, fallbacks: [], instructions: extra.instructions ?? ['return-capabilities'], expiresAt: '2099-01-01T00:00:00Z',
    };
    return composeSir(request, { ppgAddress: extra.ppgAddress ?? ppgAor, now: extra.now ?? new Date(), ttlMs: 60_000, nonce: () => randomBytes(8).toString('hex'), master });
  }

  async function send(doc: SirDocument, requestUri: string): Promise<void> {
    const placed = placeIdentity(doc);
    const result = await sender.sendMessage({ requestUri, from: ppgAor, headers: placed.headers, contentType: SIR_JSON_MEDIA_TYPE, body: encodeSirJson(placed.body) });
    expect(result.status).toBe(200);
  }
  const gruu = (u: SimUser, n: Name) => `${u.aor};gr=${u.instances[n]}`;

  beforeAll(async () => {
    [registryDb, sessionDb] = await Promise.all([createTestDatabase('e2e_wake_registry'), createTestDatabase('e2e_wake_session')]);
    registryDs = createRegistryDataSource(registryDb.url, 4);
    sessionDs = createSessionDataSource(sessionDb.url, 4);
    await Promise.all([registryDs.initialize(), sessionDs.initialize()]);
    await runMigrations(registryDs);
    await runMigrations(sessionDs);
    registry = await runService({
      platform: testPlatformConfig('registry', prefix),
      feature: RegistryFeatureModule.forRoot({ dataSource: registryDs, sirMasterKey: master, adminTokens: parseAdminTokens(`${TENANT}:${TOKEN}`) }),
      http: true, transport: { kind: 'kafka' },
    });
    session = await runService({
      platform: testPlatformConfig('session', prefix),
      feature: SessionFeatureModule.forRoot({
        ...DEFAULT_SESSION_TUNING, sweepMs: 100, notifyTimeoutMs: 4000, shutdownGraceMs: 2000,
        dataSource: sessionDs, ppgAor, instanceId: `urn:uuid:${randomUUID()}`, sip: { host: '127.0.0.1', port: 0, transports: ['udp', 'tcp'] },
        registrar: proxy, registerExpiresS: 120, master, tenants: [TENANT],
      }),
      http: false, transport: { kind: 'kafka' },
    });
    bus = new MessageBus({ ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: 'pi', groupId: 'pi', topicPrefix: prefix }, createLogger('test', 'error'));
    await bus.connect();
    tap = await TopicTap.start(TEST_KAFKA_BROKERS, prefix, [SessionOpenedV1, PushDeliveredV1, ClientRespondedV1]);
    hub = await SipDeviceHub.open({ host: '127.0.0.6', proxy, timers: { timeoutMs: 8000 } });
    sender = await SipEndpoint.open({ host: '127.0.0.1', outboundProxy: proxy, timers: { timeoutMs: 8000 } });
  });

  afterAll(async () => {
    await Promise.allSettled(users.flatMap((u) => NAMES.map((n) => u.devices[n].stop())));
    await Promise.allSettled([hub?.close(), sender?.close()]);
    await session?.close();
    await registry?.close();
    await tap?.stop();
    await bus?.disconnect();
    await Promise.allSettled([registryDs?.destroy(), sessionDs?.destroy()]);
    await Promise.allSettled([registryDb?.drop(), sessionDb?.drop()]);
  });

  it('targeted (seed §S7): the woken device opens a session, receives its pending push, and its capabilities land in the registry', async () => {
    const u = await newUser('t');
    const pending: PushPendingV1 = { ...PushPendingV1.example, tenantId: TENANT, clientId: u.clientIds.phone, pushId: `t-${suffix}@pi`, publicUserIdentity: u.aor, wake: 'sir' };
    await bus.publish(PushPendingV1, [{ key: u.aor, payload: pending }]);
    const doc = sir(u, 'targeted', 'phone', { instructions: ['return-capabilities', 'return-preferences'] });
    await send(doc, gruu(u, 'phone'));
    await decided(u, ['phone']);
    expect(reasons(u, 'phone')).toEqual(['connected']);
    expect(await waitFor(() => opened(u, 'phone')[0], { what: 'SessionOpenedV1' })).toMatchObject({ sirId: doc.sirId, via: 'sip-subscribe', publicUserIdentity: u.aor });
    await waitFor(() => u.pushes.phone.length === 1, { what: 'the pending push on the device' });
    expect(Buffer.from(u.pushes.phone[0].body).toString()).toBe('hello');
    await waitFor(() => events<PushDeliveredV1>(PushDeliveredV1, u.clientIds.phone).find((e) => e.pushId === pending.pushId), { what: 'PushDeliveredV1' });
    const responded = await waitFor(() => events<ClientRespondedV1>(ClientRespondedV1, u.clientIds.phone)[0], { what: 'ClientRespondedV1' });
    expect(responded).toMatchObject({ sirId: doc.sirId, capabilities: { device: 'phone', screen: '1080x2400' }, preferences: { lang: 'de' } });
    const stored = await waitFor(async () => {
      const client = await api('GET', `/v1/users/${encodeURIComponent(u.aor)}/clients/${u.clientIds.phone}`);
      return client.capabilities.device === 'phone' && client;
    }, { what: 'the capabilities in the registry' });
    expect(stored.reported).toMatchObject({ sirId: doc.sirId, preferences: { lang: 'de' } });
    expect(NAMES.map((n) => u.devices[n].report().sirsReceived)).toEqual([1, 0, 0]);
  });

  it('broadcast with identity (seed §S8): three devices receive it, exactly the named one opens a session', async () => {
    const u = await newUser('bi');
    await send(sir(u, 'broadcast-identity', 'laptop'), u.aor);
    await decided(u, NAMES);
    expect(NAMES.map((n) => reasons(u, n))).toEqual([['not-for-me'], ['connected'], ['not-for-me']]);
    await waitFor(() => opened(u, 'laptop').length === 1, { what: 'the laptop session' });
    expect([opened(u, 'phone').length, opened(u, 'desktop').length]).toEqual([0, 0]);
  });

  it('broadcast without identity (seed §S9): each device follows its own policy; the decliner returns its rejection', async () => {
    const u = await newUser('b', { laptop: { preferences: { wakeOnBroadcast: false } }, desktop: { askUser: async () => true } });
    await send(sir(u, 'broadcast', undefined, { instructions: ['return-capabilities', 'return-rejection'] }), u.aor);
    await decided(u, NAMES);
    expect(NAMES.map((n) => reasons(u, n))).toEqual([['connected'], ['policy-preferences'], ['connected']]);
    await waitFor(() => opened(u, 'phone').length === 1 && opened(u, 'desktop').length === 1, { what: 'two sessions' });
    const rejection = await waitFor(() => events<ClientRespondedV1>(ClientRespondedV1, u.clientIds.laptop).find((e) => e.rejection), { what: 'the rejection' });
    expect(rejection.rejection).toBe('policy-preferences');
    expect(opened(u, 'laptop')).toHaveLength(0);
  });

  it('forged, expired, replayed and wrongly addressed SIRs open no session (reliability.md S4)', async () => {
    const u = await newUser('bad');
    const valid = sir(u, 'targeted', 'desktop');
    await send(valid, gruu(u, 'desktop'));
    await decided(u, ['desktop']);
    await waitFor(() => opened(u, 'desktop').length === 1, { what: 'the first session' });
    await u.devices.desktop.disconnect();
    const forged = { ...sir(u, 'targeted', 'desktop'), signature: valid.signature };
    const expired = sir(u, 'targeted', 'desktop', { now: new Date(Date.now() - 3_600_000) });
    const untrusted = sir(u, 'targeted', 'desktop', { ppgAddress: 'sip:ppg@attacker.example' });
    for (const doc of [forged, expired, valid, untrusted, sir(u, 'targeted', 'phone')]) await send(doc, gruu(u, 'desktop'));
    await decided(u, ['desktop'], 6);
    expect(reasons(u, 'desktop')).toEqual(['connected', 'bad-signature', 'expired', 'replayed', 'untrusted-ppg', 'not-for-me']);
    expect(opened(u, 'desktop')).toHaveLength(1);
    expect(opened(u, 'phone')).toHaveLength(0);
  });
});
