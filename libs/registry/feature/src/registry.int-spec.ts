// The registry service on real PostgreSQL and Kafka: the REST API (CRUD, tenant isolation,
// validation, conflicts, auth) and its consumers (push resolution, presence, client responses).
import { DataSource } from 'typeorm';
import { ClientRespondedV1, PushAcceptedV1, PushResolvedV1, SessionOpenedV1 } from '@waken/contracts';
import { DEFAULT_KAFKA_SETTINGS, MessageBus, TopicTap } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { DatabaseReadiness, runMigrations } from '@waken/platform-persistence';
import { RunningService, runService, testPlatformConfig } from '@waken/platform-runtime';
import { createRegistryDataSource } from '@waken/registry-data-access';
import { deriveClientKey, deriveUserKey } from '@waken/sir-domain';
import { TEST_KAFKA_BROKERS, TestDatabase, createTestDatabase, uniqueTopicPrefix, waitFor } from '@waken/testing';
import { parseAdminTokens } from './http/admin-tokens';
import { RegistryFeatureModule } from './registry-feature.module';

const prefix = uniqueTopicPrefix('registry');
const master = Buffer.alloc(32, 7);
const TOKEN_A = 'token-of-tenant-a-0123456789';
const TOKEN_B = 'token-of-tenant-b-0123456789';
const aor = 'sip:+43-8323546@mobilkom.at';
const uuid = (n: number) => `urn:uuid:00000000-0000-4000-8000-00000000000${n}`;

describe('registry service over real PostgreSQL and Kafka', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let service: RunningService;
  let bus: MessageBus;
  let tap: TopicTap;

  const call = async (method: string, path: string, token: string | undefined, body?: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const res = await fetch(`${service.url}${path}`, { method, headers, body: typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  const userPath = (identity: string) => `/v1/users/${encodeURIComponent(identity)}`;

  beforeAll(async () => {
    db = await createTestDatabase('registry_service');
    ds = createRegistryDataSource(db.url, 4);
    await ds.initialize();
    await runMigrations(ds);
    service = await runService({
      platform: testPlatformConfig('registry', prefix),
      feature: RegistryFeatureModule.forRoot({ dataSource: ds, sirMasterKey: master, adminTokens: parseAdminTokens(`tenant-a:${TOKEN_A},tenant-b:${TOKEN_B}`) }),
      http: true,
      transport: { kind: 'kafka' },
      readiness: [new DatabaseReadiness(ds)],
    });
    bus = new MessageBus({ ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: 'pi', groupId: 'pi', topicPrefix: prefix }, createLogger('test', 'error'));
    await bus.connect();
    tap = await TopicTap.start(TEST_KAFKA_BROKERS, prefix, [PushResolvedV1]);
  });

  afterAll(async () => {
    await tap?.stop();
    await bus?.disconnect();
    await service?.close();
    await ds?.destroy();
    await db?.drop();
  });

  it('refuses requests without a known bearer token (401) and is ready', async () => {
    expect((await call('GET', userPath(aor), undefined)).status).toBe(401);
    expect((await call('GET', userPath(aor), 'not-a-token-of-anyone')).status).toBe(401);
    expect((await call('POST', '/v1/users', undefined, { publicUserIdentity: aor })).status).toBe(401);
    expect((await call('GET', '/health/ready', undefined)).body).toMatchObject({ status: 'ok' });
  });

  it('creates, reads, updates and deletes users and clients; returns the SIR key once', async () => {
    const created = await call('POST', '/v1/users', TOKEN_A, { publicUserIdentity: aor });
    expect(created).toMatchObject({ status: 201, body: { tenantId: 'tenant-a', publicUserIdentity: aor, wakePolicy: 'auto', clients: [] } });
    expect((await call('POST', '/v1/users', TOKEN_A, { publicUserIdentity: aor })).status).toBe(409);
    const client = await call('POST', `${userPath(aor)}/clients`, TOKEN_A, {
      clientId: 'c-phone',
      deviceIdentities: [{ kind: 'uuid', value: uuid(1).toUpperCase().replace('URN:UUID:', '') }, { kind: 'imei', value: '49-015420-323751-8' }],
      capabilities: { screen: 'small' },
      preferences: { contentTypes: ['text/plain'], quietHours: { startMinute: 1320, endMinute: 420, timeZone: 'Europe/Vienna' } },
      activationMethods: [{ bearer: 'sip', address: `${aor};gr=${uuid(1)}` }, { bearer: 'sms', address: ' +438323546 ' }],
    });
    expect(client.status).toBe(201);
    expect(client.body).toMatchObject({
      clientId: 'c-phone',
      deviceIdentities: [{ kind: 'uuid', value: uuid(1) }, { kind: 'imei', value: '490154203237518' }],
      subscriptions: [{ piId: '*' }],
      preferences: { contentTypes: ['text/plain'], applications: [], optedOut: false },
      presence: { connected: false },
      sirKeyId: 'client:tenant-a/c-phone#1',
      sirKey: { keyId: 'client:tenant-a/c-phone#1', version: 1, key: Buffer.from(deriveClientKey(master, 'tenant-a', 'c-phone')).toString('base64url') },
    });
    expect(client.body.activationMethods[1]).toEqual({ bearer: 'sms', address: '+438323546' });
    // seed §S9: the user's key, for broadcast SIRs without a device identity
    expect(client.body.userSirKey).toEqual({ keyId: `user:tenant-a/${aor}#1`, version: 1, key: Buffer.from(deriveUserKey(master, 'tenant-a', aor)).toString('base64url') });
    const read = await call('GET', `${userPath(aor)}/clients/c-phone`, TOKEN_A);
    expect(read.status).toBe(200);
    expect(read.body.sirKey).toBeUndefined();
    expect((await call('GET', userPath(aor), TOKEN_A)).body.clients.map((c: { clientId: string }) => c.clientId)).toEqual(['c-phone']);
    const patched = await call('PATCH', `${userPath(aor)}/clients/c-phone`, TOKEN_A, { subscriptions: [{ piId: 'pi-news', applicationId: 'x-wap-application:wml.ua' }] });
    expect(patched.body).toMatchObject({ subscriptions: [{ piId: 'pi-news', applicationId: 'x-wap-application:wml.ua' }], capabilities: { screen: 'small' } });
    expect((await call('PATCH', userPath(aor), TOKEN_A, { wakePolicy: 'broadcast' })).body.wakePolicy).toBe('broadcast');
    const rotated = await call('POST', `${userPath(aor)}/clients/c-phone/sir-key`, TOKEN_A);
    expect(rotated.body).toMatchObject({ keyId: 'client:tenant-a/c-phone#2', version: 2 });
    const generated = await call('POST', `${userPath(aor)}/clients`, TOKEN_A, {});
    expect(generated.body.clientId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call('DELETE', `${userPath(aor)}/clients/${generated.body.clientId}`, TOKEN_A)).status).toBe(204);
    expect((await call('GET', `${userPath(aor)}/clients/${generated.body.clientId}`, TOKEN_A)).status).toBe(404);
    const other = 'sip:someone@mobilkom.at';
    await call('POST', '/v1/users', TOKEN_A, { publicUserIdentity: other, wakePolicy: 'targeted' });
    expect((await call('DELETE', userPath(other), TOKEN_A)).status).toBe(204);
    expect((await call('GET', userPath(other), TOKEN_A)).status).toBe(404);
    expect((await call('DELETE', userPath(other), TOKEN_A)).status).toBe(404);
  });

  it('answers 400 naming the field, refusing unknown fields and __proto__; 409 for a taken identity', async () => {
    const clients = `${userPath(aor)}/clients`;
    const bad = async (body: unknown) => {
      const res = await call('POST', clients, TOKEN_A, body);
      expect(res.status).toBe(400);
      return (res.body.message as string[]).join('; ');
    };
    expect(await bad({ colour: 'red' })).toContain('property colour should not exist');
    expect(await bad({ deviceIdentities: [{ kind: 'serial', value: 'x' }] })).toMatch(/deviceIdentities\.0\.kind must be one of/);
    expect(await bad({ deviceIdentities: [{ kind: 'mac', value: 'ff:ff:ff:ff:ff:ff' }] })).toMatch(/^deviceIdentities\.0: invalid mac device identity/);
    expect(await bad({ activationMethods: [{ bearer: 'sms', address: 'call me' }] })).toMatch(/^activationMethods\.0: invalid sms address/);
    expect(await bad({ preferences: { quietHours: { startMinute: 0, endMinute: 60, timeZone: 'Mars/Olympus' } } })).toMatch(/^preferences\.quietHours: invalid quiet hours/);
    expect(await bad({ preferences: { quietHours: { startMinute: 2000, endMinute: 60, timeZone: 'UTC' } } })).toMatch(/preferences\.quietHours\.startMinute must not be greater than 1439/);
    expect(await bad('{"__proto__":{"isAdmin":true}}')).toBe('property __proto__ is not allowed');
    expect(await bad({ deviceIdentities: [{ kind: 'uuid', value: uuid(3) }, { kind: 'uuid', value: `{${uuid(3).slice(9)}}` }] })).toMatch(/deviceIdentities\.1 names the same device/);
    expect(await bad({ capabilities: { screen: 42 } })).toMatch(/capabilities must be an object of at most 64 string values/);
    expect(await bad({ clientId: 'a/b' })).toMatch(/clientId must be/);
    expect((await call('POST', '/v1/users', TOKEN_A, { publicUserIdentity: 'sip:a b@c', role: 'x' })).body.message).toEqual(
      expect.arrayContaining(['property role should not exist', expect.stringMatching(/^publicUserIdentity must be/)]),
    );
    const taken = await call('POST', clients, TOKEN_A, { deviceIdentities: [{ kind: 'imei', value: '490154203237518' }] });
    expect(taken).toMatchObject({ status: 409, body: { message: 'device identity imei 490154203237518 is already registered to a client' } });
    expect((await call('POST', clients, TOKEN_A, { clientId: 'c-phone' })).status).toBe(409);
  });

  it("isolates tenants: B gets 404 for A's user and client and cannot resolve A's user", async () => {
    expect((await call('GET', userPath(aor), TOKEN_B)).status).toBe(404);
    expect((await call('GET', `${userPath(aor)}/clients/c-phone`, TOKEN_B)).status).toBe(404);
    expect((await call('GET', `${userPath(aor)}/clients`, TOKEN_B)).status).toBe(404);
    expect((await call('PATCH', `${userPath(aor)}/clients/c-phone`, TOKEN_B, { capabilities: {} })).status).toBe(404);
    expect((await call('DELETE', `${userPath(aor)}/clients/c-phone`, TOKEN_B)).status).toBe(404);
    expect((await call('PATCH', userPath(aor), TOKEN_B, { wakePolicy: 'auto' })).status).toBe(404);
    expect((await call('DELETE', userPath(aor), TOKEN_B)).status).toBe(404);
    expect((await call('POST', `${userPath(aor)}/clients/c-phone/sir-key`, TOKEN_B)).status).toBe(404);
    expect((await call('GET', `${userPath(aor)}/clients/c-phone`, TOKEN_A)).status).toBe(200);

    const push = (pushId: string, tenantId: string): PushAcceptedV1 => ({ ...PushAcceptedV1.example, pushId, tenantId, publicUserIdentity: aor, targetDevices: [], piId: 'pi-news' });
    await bus.publish(PushAcceptedV1, [{ key: aor, payload: push('iso-b', 'tenant-b') }, { key: aor, payload: push('iso-a', 'tenant-a') }]);
    const resolved = await waitFor(() => {
      const all = tap.of<PushResolvedV1>(PushResolvedV1);
      const a = all.find((e) => e.payload.pushId === 'iso-a');
      const b = all.find((e) => e.payload.pushId === 'iso-b');
      return a && b && { a: a.payload, b: b.payload };
    }, { what: 'two resolved pushes' });
    expect(resolved.b).toMatchObject({ tenantId: 'tenant-b', unresolvedReason: 'unknown-user', clients: [], selectedClientIds: [] });
    expect(resolved.a).toMatchObject({ tenantId: 'tenant-a', policy: 'broadcast', selectedClientIds: ['c-phone'] });
    expect(resolved.a.unresolvedReason).toBeUndefined();
  });

  it('keeps presence from session events and stores client responses', async () => {
    const opened: SessionOpenedV1 = { ...SessionOpenedV1.example, tenantId: 'tenant-a', clientId: 'c-phone', sessionId: 'sess-9', publicUserIdentity: aor, openedAt: new Date().toISOString() };
    const responded: ClientRespondedV1 = { ...ClientRespondedV1.example, tenantId: 'tenant-a', clientId: 'c-phone', publicUserIdentity: aor, capabilities: { screen: 'large' }, preferences: { 'opt-out': 'false', theme: 'dark' } };
    await bus.publish(SessionOpenedV1, [{ key: aor, payload: opened }]);
    await bus.publish(ClientRespondedV1, [{ key: aor, payload: responded }]);
    const client = await waitFor(async () => {
      const res = await call('GET', `${userPath(aor)}/clients/c-phone`, TOKEN_A);
      return res.body.presence.connected && res.body.reported.respondedAt && res.body;
    }, { what: 'presence and response stored' });
    expect(client.presence).toMatchObject({ connected: true, sessionId: 'sess-9', via: 'sip-subscribe' });
    expect(client.capabilities).toEqual({ screen: 'large' });
    expect(client.reported).toMatchObject({ preferences: { theme: 'dark' }, sirId: 'sir-0b6a2f1c' });
    // presence is read-only over the API
    expect((await call('PATCH', `${userPath(aor)}/clients/c-phone`, TOKEN_A, { presence: { connected: false } })).status).toBe(400);
  });
});
