// The seed's embodiments through the registry and id-check services together, on real Kafka and
// PostgreSQL: one user with three clients registered over the REST API; for each embodiment a
// PushAcceptedV1 goes in and the exact SirRequested / PushPending / PushPlanned records come out.
import { DataSource } from 'typeorm';
import { PushAcceptedV1, PushPendingV1, PushPlannedV1, PushResolvedV1, SessionOpenedV1, SirRequestedV1 } from '@waken/contracts';
import { IdCheckFeatureModule } from '@waken/id-check-feature';
import { DEFAULT_KAFKA_SETTINGS, EventEnvelope, MessageBus, TopicTap } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { runMigrations } from '@waken/platform-persistence';
import { RunningService, runService, testPlatformConfig } from '@waken/platform-runtime';
import { createRegistryDataSource } from '@waken/registry-data-access';
import { RegistryFeatureModule, parseAdminTokens } from '@waken/registry-feature';
import { TEST_KAFKA_BROKERS, TestDatabase, createTestDatabase, stayFalse, uniqueTopicPrefix, waitFor } from '@waken/testing';

const prefix = uniqueTopicPrefix('e2e-embodiments');
const TOKEN = 'e2e-admin-token-0123456789';
const aor = 'sip:+43-8323546@mobilkom.at';
const solo = 'sip:solo@mobilkom.at';
const uuid = (n: number) => `urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf${n}`;
const gruu = (n: number) => `${aor};gr=${uuid(n)}`;

describe('seed embodiments through registry + id-check', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let registry: RunningService;
  let idCheck: RunningService;
  let bus: MessageBus;
  let tap: TopicTap;

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers, checked by the assertions
  const api = async (method: string, path: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${registry.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const user = (identity: string) => `/v1/users/${encodeURIComponent(identity)}`;
  const of = <T extends { pushId: string }>(def: Parameters<TopicTap['of']>[0], pushId: string) =>
    tap.of<T>(def).filter((e: EventEnvelope<T>) => e.payload.pushId === pushId).map((e) => e.payload);

  /** Publishes one push and waits until id-check planned it with the expected number of records. */
  const push = async (pushId: string, identity: string, targets: number[], expect: { sirs: number; pending: number }) => {
    const payload: PushAcceptedV1 = {
      ...PushAcceptedV1.example,
      pushId,
      publicUserIdentity: identity,
      targetDevices: targets.map((n) => ({ kind: 'uuid', value: uuid(n) })),
      deliverBefore: new Date(Date.now() + 3600000).toISOString(),
    };
    await bus.publish(PushAcceptedV1, [{ key: identity, payload }]);
    await waitFor(
      () => of(PushPlannedV1, pushId).length > 0 && of(SirRequestedV1, pushId).length >= expect.sirs && of(PushPendingV1, pushId).length >= expect.pending,
      { what: `plan of ${pushId}` },
    );
    // the tap reads each topic on its own: a record id-check published before the plan may still
    // be on its way, so the exact counts below must hold for a while, not just at this instant
    await stayFalse(
      () => of(PushPlannedV1, pushId).length > 1 || of(SirRequestedV1, pushId).length > expect.sirs || of(PushPendingV1, pushId).length > expect.pending,
      500,
      `more records for ${pushId} than planned`,
    );
    return { sirs: of<SirRequestedV1>(SirRequestedV1, pushId), pending: of<PushPendingV1>(PushPendingV1, pushId), plans: of<PushPlannedV1>(PushPlannedV1, pushId) };
  };

  beforeAll(async () => {
    db = await createTestDatabase('e2e_embodiments');
    ds = createRegistryDataSource(db.url, 4);
    await ds.initialize();
    await runMigrations(ds);
    registry = await runService({
      platform: testPlatformConfig('registry', prefix),
      feature: RegistryFeatureModule.forRoot({ dataSource: ds, sirMasterKey: Buffer.alloc(32, 9), adminTokens: parseAdminTokens(`mobilkom:${TOKEN}`) }),
      http: true,
      transport: { kind: 'kafka' },
    });
    idCheck = await runService({
      platform: testPlatformConfig('id-check', prefix),
      feature: IdCheckFeatureModule.forRoot({ sirTtlMs: 60000, instructions: ['return-capabilities'] }),
      http: false,
      transport: { kind: 'kafka' },
    });
    bus = new MessageBus({ ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: 'pi', groupId: 'pi', topicPrefix: prefix }, createLogger('test', 'error'));
    await bus.connect();
    tap = await TopicTap.start(TEST_KAFKA_BROKERS, prefix, [PushResolvedV1, SirRequestedV1, PushPendingV1, PushPlannedV1]);

    await api('POST', '/v1/users', { publicUserIdentity: aor });
    for (const n of [1, 2, 3]) {
      await api('POST', `${user(aor)}/clients`, {
        clientId: `c${n}`,
        deviceIdentities: [{ kind: 'gruu', value: gruu(n) }, { kind: 'uuid', value: uuid(n) }],
        activationMethods: [{ bearer: 'sip', address: gruu(n) }],
      });
    }
    await api('POST', '/v1/users', { publicUserIdentity: solo });
    await api('POST', `${user(solo)}/clients`, { clientId: 'solo-phone', activationMethods: [{ bearer: 'sip', address: solo }] });
  });

  afterAll(async () => {
    await tap?.stop();
    await bus?.disconnect();
    await idCheck?.close();
    await registry?.close();
    await ds?.destroy();
    await db?.drop();
  });

  it('E1 (seed §S7): one of three clients targeted -> one SIR, to that client, carrying its identity', async () => {
    const { sirs, pending, plans } = await push('e1', aor, [2], { sirs: 1, pending: 1 });
    expect(sirs).toHaveLength(1);
    expect(sirs[0]).toMatchObject({ mode: 'targeted', targetClientIds: ['c2'], deviceIdentity: { kind: 'gruu', value: gruu(2) }, activation: { bearer: 'sip', address: gruu(2) } });
    expect(pending.map((p) => [p.clientId, p.wake])).toEqual([['c2', 'sir']]);
    expect(plans).toEqual([expect.objectContaining({ targetClientIds: ['c2'], sirCount: 1, directCount: 0 })]);
  });

  it('E2 (seed §S7, steps 204/206): two of three targeted -> two SIRs, the third gets nothing', async () => {
    const { sirs, pending, plans } = await push('e2', aor, [1, 3], { sirs: 2, pending: 2 });
    expect(sirs).toHaveLength(2);
    expect(sirs.map((s) => [s.targetClientIds, s.deviceIdentity?.value]).sort()).toEqual([[['c1'], gruu(1)], [['c3'], gruu(3)]]);
    expect(sirs.every((s) => s.mode === 'targeted')).toBe(true);
    expect(pending.map((p) => p.clientId).sort()).toEqual(['c1', 'c3']);
    expect(plans[0]).toMatchObject({ sirCount: 2, directCount: 0 });
    expect(JSON.stringify([sirs, pending, plans])).not.toContain('c2');
  });

  it('E3 (seed §S9): user policy broadcast -> one SIR to the AOR with the public identity only', async () => {
    await api('PATCH', user(aor), { wakePolicy: 'broadcast' });
    const { sirs, pending, plans } = await push('e3', aor, [], { sirs: 1, pending: 3 });
    expect(sirs).toHaveLength(1);
    expect(sirs[0]).toMatchObject({ mode: 'broadcast', publicUserIdentity: aor, activation: { bearer: 'sip', address: aor }, targetClientIds: ['c1', 'c2', 'c3'] });
    expect(sirs[0].deviceIdentity).toBeUndefined();
    expect(pending).toHaveLength(3);
    expect(plans[0]).toMatchObject({ sirCount: 1, directCount: 0 });
  });

  it('E4 (seed §S8, §S10): broadcast-identity, third client connected -> SIRs carry the identity, the connected one gets the push directly', async () => {
    await api('PATCH', user(aor), { wakePolicy: 'broadcast-identity' });
    const opened: SessionOpenedV1 = { ...SessionOpenedV1.example, tenantId: 'mobilkom', clientId: 'c3', sessionId: 'sess-c3', publicUserIdentity: aor, openedAt: new Date().toISOString() };
    await bus.publish(SessionOpenedV1, [{ key: aor, payload: opened }]);
    await waitFor(async () => (await api('GET', `${user(aor)}/clients/c3`)).presence.connected === true, { what: 'c3 connected' });
    const { sirs, pending, plans } = await push('e4', aor, [], { sirs: 2, pending: 3 });
    expect(sirs).toHaveLength(2);
    for (const n of [1, 2]) {
      expect(sirs.find((s) => s.targetClientIds[0] === `c${n}`)).toMatchObject({
        mode: 'broadcast-identity', targetClientIds: [`c${n}`], activation: { bearer: 'sip', address: aor }, deviceIdentity: { kind: 'gruu', value: gruu(n) },
      });
    }
    expect(sirs.some((s) => s.targetClientIds.includes('c3'))).toBe(false);
    expect(pending.find((p) => p.clientId === 'c3')).toMatchObject({ wake: 'connected' });
    expect(pending.filter((p) => p.wake === 'sir').map((p) => p.clientId).sort()).toEqual(['c1', 'c2']);
    expect(plans[0]).toMatchObject({ sirCount: 2, directCount: 1 });
  });

  it('single client (seed §S4): mode single, no device identity', async () => {
    const { sirs, pending, plans } = await push('single', solo, [], { sirs: 1, pending: 1 });
    expect(sirs).toHaveLength(1);
    expect(sirs[0]).toMatchObject({ mode: 'single', targetClientIds: ['solo-phone'], activation: { bearer: 'sip', address: solo } });
    expect(sirs[0].deviceIdentity).toBeUndefined();
    expect(pending.map((p) => p.wake)).toEqual(['sir']);
    expect(plans[0]).toMatchObject({ sirCount: 1, directCount: 0 });
  });

  it('unknown user: resolved as unknown-user, nothing planned to send', async () => {
    const { sirs, pending, plans } = await push('nobody', 'sip:nobody@mobilkom.at', [], { sirs: 0, pending: 0 });
    // PushResolvedV1 is on another topic than the plan waited for in push()
    expect(await waitFor(() => of<PushResolvedV1>(PushResolvedV1, 'nobody')[0], { what: 'PushResolvedV1 of nobody' })).toMatchObject({ unresolvedReason: 'unknown-user' });
    expect([sirs.length, pending.length]).toEqual([0, 0]);
    expect(plans[0]).toMatchObject({ unresolvedReason: 'unknown-user', sirCount: 0, targetClientIds: [] });
  });
});
