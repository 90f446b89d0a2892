// The whole chain of the seed with SDK devices at the end, on Kamailio, Kafka and PostgreSQL:
// PushAcceptedV1 → registry (S2, S3) → id-check (S4, S7-S10) → sir-composer (S5) → encapsulator (S6)
// → delivery-sip (MESSAGE through Kamailio) → device (C1, C2) → session (C3: SUBSCRIBE, NOTIFY)
// → PushDeliveredV1, and the device's answer (C4) back in the registry.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { DEFAULT_DELIVERY_POLICY, DeliverySipFeatureModule, EncapsulatorFeatureModule } from '@waken/bearer-feature';
import { ApplicationRegistry, type ClientProfile, type PushNotification } from '@waken/client';
import { SipDeviceHub, WakenDevice, type SirOutcome } from '@waken/client-runtime';
import { ClientRespondedV1, PushAcceptedV1, PushDeliveredV1, SessionOpenedV1, SirComposedV1 } from '@waken/contracts';
import { IdCheckFeatureModule } from '@waken/id-check-feature';
import { DEFAULT_KAFKA_SETTINGS, EventEnvelope, MessageBus, TopicTap } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { runMigrations } from '@waken/platform-persistence';
import { RunningService, runService, testPlatformConfig } from '@waken/platform-runtime';
import { createRegistryDataSource } from '@waken/registry-data-access';
import { RegistryFeatureModule, parseAdminTokens } from '@waken/registry-feature';
import { createSessionDataSource } from '@waken/session-data-access';
import { DEFAULT_SESSION_TUNING, SessionFeatureModule } from '@waken/session-feature';
import { SirComposerFeatureModule } from '@waken/sir-feature';
import { deriveUserKey, ipv4ContactPoint, keyIdFor } from '@waken/sir-domain';
import { TEST_KAFKA_BROKERS, TestDatabase, createTestDatabase, uniqueTopicPrefix, waitFor } from '@waken/testing';

const proxy = { transport: 'udp' as const, host: process.env.KAMAILIO_HOST ?? '127.0.0.1', port: Number(process.env.KAMAILIO_PORT ?? 15060) };
const suffix = randomUUID().slice(0, 8);
const prefix = uniqueTopicPrefix('e2e-session-pipeline');
const TENANT = 'mobilkom';
const TOKEN = 'e2e-pipeline-token-0123456789';
const master = Buffer.alloc(32, 0x5a);
const ppgAor = `sip:ppg-${suffix}@example.com`;
const NAMES = ['phone', 'laptop', 'desktop'] as const;
type Name = (typeof NAMES)[number];

describe('the seed end to end: PI push → SIR over SIP → device → push session', () => {
  const dbs: TestDatabase[] = [];
  const sources: DataSource[] = [];
  const services: RunningService[] = [];
  let registry: RunningService;
  let bus: MessageBus;
  let tap: TopicTap;
  let hub: SipDeviceHub;
  const aor = `sip:+43-pipe-${suffix}@example.com`;
  const devices = {} as Record<Name, WakenDevice>;
  const instances = {} as Record<Name, string>;
  const outcomes = { phone: [], laptop: [], desktop: [] } as Record<Name, SirOutcome[]>;
  const pushes = { phone: [], laptop: [], desktop: [] } as Record<Name, PushNotification[]>;
  const clientId = (n: Name) => `pipe-${n}-${suffix}`;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked by the assertions
  const api = async (method: string, path: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${registry.url}${path}`, {
      method, headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const of = <T extends { clientId: string }>(def: typeof SessionOpenedV1 | typeof PushDeliveredV1 | typeof ClientRespondedV1, n: Name) =>
    tap.of<T>(def).filter((e: EventEnvelope<T>) => e.payload.clientId === clientId(n)).map((e) => e.payload);
  const push = (pushId: string, targets: Name[]) =>
    bus.publish(PushAcceptedV1, [{
      key: aor,
      payload: { ...PushAcceptedV1.example, tenantId: TENANT, pushId, publicUserIdentity: aor, targetDevices: targets.map((n) => ({ kind: 'uuid' as const, value: instances[n] })),
        deliverBefore: new Date(Date.now() + 600_000).toISOString(), acceptedAt: new Date().toISOString() },
    }]);

  async function start(name: string, feature: Parameters<typeof runService>[0]['feature'], http = false): Promise<RunningService> {
    const service = await runService({ platform: testPlatformConfig(name, prefix), feature, http, transport: { kind: 'kafka' } });
    services.push(service);
    return service;
  }

  async function database(name: string, create: (url: string) => DataSource): Promise<DataSource> {
    const db = await createTestDatabase(name);
    dbs.push(db);
    const ds = create(db.url);
    sources.push(ds);
    await ds.initialize();
    await runMigrations(ds);
    return ds;
  }

  async function startDevice(name: Name, sirKey: { keyId: string; key: string }): Promise<void> {
    const applications = new ApplicationRegistry();
    applications.setDefaultHandler({ onPush: (p) => void pushes[name].push(p) });
    const profile: ClientProfile = {
      tenantId: TENANT, clientId: clientId(name), publicUserIdentity: aor, identities: [{ kind: 'uuid', value: instances[name] }],
      clientKey: { keyId: sirKey.keyId, key: new Uint8Array(Buffer.from(sirKey.key, 'base64url')) },
      userKey: { keyId: keyIdFor('user', TENANT, aor), key: deriveUserKey(master, TENANT, aor) },
      trustedPpgAddresses: [ppgAor], info: { capabilities: { device: name } },
    };
    devices[name] = new WakenDevice({ profile, applications, onOutcome: (o) => outcomes[name].push(o), sip: { hub, contactUser: clientId(name), instanceId: instances[name], registerExpires: 300 } });
    await devices[name].start();
  }

  beforeAll(async () => {
    const registryDs = await database('e2e_pipe_registry', (url) => createRegistryDataSource(url, 4));
    const sessionDs = await database('e2e_pipe_session', (url) => createSessionDataSource(url, 4));
    registry = await start('registry', RegistryFeatureModule.forRoot({ dataSource: registryDs, sirMasterKey: master, adminTokens: parseAdminTokens(`${TENANT}:${TOKEN}`) }), true);
    await start('id-check', IdCheckFeatureModule.forRoot({ sirTtlMs: 60_000, instructions: ['return-capabilities'] }));
    await start('sir-composer', SirComposerFeatureModule.forRoot({ ppgAddress: ppgAor, contactPoints: [ipv4ContactPoint('127.0.0.1', 5070)], master, ttlMs: 60_000 }));
    await start('encapsulator', EncapsulatorFeatureModule.forRoot({}));
    await start('delivery-sip', DeliverySipFeatureModule.forRoot({
      policy: { ...DEFAULT_DELIVERY_POLICY, initialBackoffMs: 50, maxBackoffMs: 200 },
      sip: { localHost: '127.0.0.1', localPort: 0, proxy, from: ppgAor, timerFMs: 8000, t1Ms: 500, maxInflight: 64 },
    }));
    await start('session', SessionFeatureModule.forRoot({
      ...DEFAULT_SESSION_TUNING, sweepMs: 100, notifyTimeoutMs: 4000, shutdownGraceMs: 2000, dataSource: sessionDs, ppgAor,
      instanceId: `urn:uuid:${randomUUID()}`, sip: { host: '127.0.0.1', port: 0, transports: ['udp', 'tcp'] }, registrar: proxy, registerExpiresS: 120,
      master: new Uint8Array(master), tenants: [TENANT],
    }));
    bus = new MessageBus({ ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: 'pi', groupId: 'pi', topicPrefix: prefix }, createLogger('test', 'error'));
    await bus.connect();
    tap = await TopicTap.start(TEST_KAFKA_BROKERS, prefix, [SirComposedV1, SessionOpenedV1, PushDeliveredV1, ClientRespondedV1]);
    hub = await SipDeviceHub.open({ host: '127.0.0.7', proxy, timers: { timeoutMs: 8000 } });
    await api('POST', '/v1/users', { publicUserIdentity: aor });
    for (const name of NAMES) {
      instances[name] = `urn:uuid:${randomUUID()}`;
      const created = await api('POST', `/v1/users/${encodeURIComponent(aor)}/clients`, {
        clientId: clientId(name), deviceIdentities: [{ kind: 'uuid', value: instances[name] }], activationMethods: [{ bearer: 'sip', address: `${aor};gr=${instances[name]}` }],
      });
      await startDevice(name, created.sirKey);
    }
  });

  afterAll(async () => {
    await Promise.allSettled(NAMES.map((n) => devices[n]?.stop()));
    await hub?.close();
    for (const service of services.reverse()) await service.close();
    await tap?.stop();
    await bus?.disconnect();
    await Promise.allSettled(sources.map((s) => s.destroy()));
    await Promise.allSettled(dbs.map((d) => d.drop()));
  });

  it('E1 (seed §S7, §C1-C4): a push for the laptop wakes only the laptop, which receives it over its session and reports its capabilities', async () => {
    await push(`e1-${suffix}`, ['laptop']);
    const delivered = await waitFor(() => of<PushDeliveredV1>(PushDeliveredV1, 'laptop').find((e) => e.pushId === `e1-${suffix}`), { what: 'PushDeliveredV1', timeoutMs: 60_000 });
    expect(delivered.wake).toBe('sir');
    // the device reports its outcome once its session is set up, on its own time; and the tap
    // reads each topic on its own: wait for every record asserted on below, not just the delivery
    await waitFor(() => outcomes.laptop.length > 0 && pushes.laptop.length > 0, { what: 'the laptop outcome and push' });
    expect(outcomes.laptop.map((o) => o.kind)).toEqual(['connected']);
    expect(pushes.laptop.map((p) => p.pushId)).toEqual([`e1-${suffix}`]);
    expect([outcomes.phone.length, outcomes.desktop.length]).toEqual([0, 0]);
    const sirId = (await waitFor(() => tap.of<SirComposedV1>(SirComposedV1).find((e) => e.payload.pushId === `e1-${suffix}`), { what: 'SirComposedV1' })).payload.sir.sirId;
    expect(await waitFor(() => of<SessionOpenedV1>(SessionOpenedV1, 'laptop')[0], { what: 'SessionOpenedV1 of the laptop' })).toMatchObject({ sirId, via: 'sip-subscribe' });
    await waitFor(async () => (await api('GET', `/v1/users/${encodeURIComponent(aor)}/clients/${clientId('laptop')}`)).capabilities.device === 'laptop', { what: 'capabilities in the registry' });
  });

  it('E4 (seed §S8): with the broadcast-identity policy every device sees every SIR, each connects once for its own', async () => {
    await api('PATCH', `/v1/users/${encodeURIComponent(aor)}`, { wakePolicy: 'broadcast-identity' });
    await devices.laptop.disconnect();
    await waitFor(async () => (await api('GET', `/v1/users/${encodeURIComponent(aor)}/clients/${clientId('laptop')}`)).presence.connected === false, { what: 'laptop disconnected' });
    await push(`e4-${suffix}`, []);
    await waitFor(() => NAMES.every((n) => pushes[n].some((p) => p.pushId === `e4-${suffix}`)), { what: 'the push on all three', timeoutMs: 60_000 });
    // a device may have its own push before the MESSAGEs forked to it for the other two arrive
    const settled = (name: Name) => {
      const report = devices[name].report();
      return report.sirsAccepted >= (name === 'laptop' ? 2 : 1) && (report.rejectedSirs['not-for-me'] ?? 0) >= 2;
    };
    await waitFor(() => NAMES.every(settled), { what: 'every SIR decided on all three' });
    for (const name of NAMES) {
      const report = devices[name].report();
      expect(report.sirsAccepted).toBe(name === 'laptop' ? 2 : 1);
      expect(report.rejectedSirs['not-for-me']).toBe(2);
    }
  });
});
