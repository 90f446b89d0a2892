// The repositories on the real PostgreSQL: tenant scoping, uniqueness, the batched hot-path
// lookup, presence from (possibly reordered) session events, and stored client responses.
import { DataSource } from 'typeorm';
import { ClientRespondedV1, SessionClosedV1, SessionOpenedV1 } from '@waken/contracts';
import { EventEnvelope } from '@waken/platform-messaging';
import { runMigrations } from '@waken/platform-persistence';
import { createTestDatabase, TestDatabase } from '@waken/testing';
import { createRegistryDataSource } from './registry-schema';
import { RegistryUserRepository } from './registry-user.repository';
import { RegistryClientRepository } from './registry-client.repository';
import { UserProfileReader, userKey } from './user-profile.reader';
import { PresenceRepository } from './presence.repository';
import { ClientResponseRepository } from './client-response.repository';
import { NewClient } from './registered-client';
import { RegistryConflict } from './registry-conflict.error';

const aor = 'sip:+43-8323546@mobilkom.at';
const A = { tenantId: 'tenant-a', publicUserIdentity: aor };
const B = { tenantId: 'tenant-b', publicUserIdentity: aor };
const newClient = (clientId: string, uuid: string): NewClient => ({
  clientId,
  deviceIdentities: [{ kind: 'uuid', value: `urn:uuid:${uuid}` }, { kind: 'mac', value: `02:00:00:00:00:${uuid.slice(-2)}` }],
  capabilities: { screen: 'small' },
  preferences: { contentTypes: [], applications: [], optedOut: false },
  subscriptions: [{ piId: '*' }],
  activationMethods: [{ bearer: 'sip', address: `${aor};gr=urn:uuid:${uuid}` }, { bearer: 'sms', address: '+438323546' }],
  sirKeyId: `client:t/${clientId}#1`,
  sirKeyVersion: 1,
});
let n = 0;
const envelope = <T>(payload: T, eventId = `ev-${++n}`): EventEnvelope<T> => ({
  topic: 't', partition: 0, offset: String(n), key: aor, payload,
  headers: { eventId, eventType: 'x', correlationId: 'c', occurredAt: new Date().toISOString() },
});

describe('registry repositories on real PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let users: RegistryUserRepository;
  let clients: RegistryClientRepository;
  let reader: UserProfileReader;

  beforeAll(async () => {
    db = await createTestDatabase('registry_repos');
    ds = createRegistryDataSource(db.url, 2);
    await ds.initialize();
    await runMigrations(ds);
    users = new RegistryUserRepository(ds);
    clients = new RegistryClientRepository(ds);
    reader = new UserProfileReader(ds);
    await users.create(A, 'auto');
    await users.create(B, 'broadcast');
    await clients.create(A, newClient('a1', '00000000-0000-4000-8000-000000000001'));
    await clients.create(A, newClient('a2', '00000000-0000-4000-8000-000000000002'));
    await clients.create(B, newClient('b1', '00000000-0000-4000-8000-000000000001'));
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('keeps identities unique per tenant and names what is taken', async () => {
    await expect(users.create(A, 'auto')).rejects.toThrow(RegistryConflict);
    const taken = clients.create(A, { ...newClient('a3', '00000000-0000-4000-8000-000000000002') });
    await expect(taken).rejects.toThrow(/device identity uuid urn:uuid:00000000-0000-4000-8000-000000000002 is already registered/);
    await expect(clients.create(A, newClient('a1', '00000000-0000-4000-8000-000000000009'))).rejects.toThrow(/client id already exists/);
    expect(await clients.find(A, 'a3')).toBeUndefined();
  });

  it('scopes every read and write by tenant', async () => {
    expect(await clients.find(B, 'a1')).toBeUndefined();
    expect(await clients.update(B, 'a1', { capabilities: {} })).toBeUndefined();
    expect(await clients.delete(B, 'a1')).toBe(false);
    expect((await users.find(A))?.clients.map((c) => c.clientId)).toEqual(['a1', 'a2']);
    expect((await users.find(B))?.clients.map((c) => c.clientId)).toEqual(['b1']);
  });

  it('loads the users of a batch, with every client and identity in order, in one query', async () => {
    const spy = jest.spyOn(ds, 'query');
    const found = await reader.loadUsers([A, B, A, { tenantId: 'tenant-c', publicUserIdentity: aor }, { tenantId: 'tenant-a', publicUserIdentity: 'sip:x\u0000@y' }]);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
    expect(found.size).toBe(2);
    const a = found.get(userKey(A));
    expect(a?.wakePolicy).toBe('auto');
    expect(a?.clients.map((c) => c.clientId).sort()).toEqual(['a1', 'a2']);
    expect(a?.clients.find((c) => c.clientId === 'a1')).toMatchObject({
      deviceIdentities: [{ kind: 'uuid', value: 'urn:uuid:00000000-0000-4000-8000-000000000001' }, { kind: 'mac', value: '02:00:00:00:00:01' }],
      activationMethods: [{ bearer: 'sip' }, { bearer: 'sms' }],
      presence: { connected: false },
      sirKeyId: 'client:t/a1#1',
    });
    expect(found.get(userKey(B))?.clients.map((c) => c.clientId)).toEqual(['b1']);
    expect(await reader.loadUsers([])).toEqual(new Map());
  });

  it('tracks presence from session events, once per event, whatever order open and close arrive in', async () => {
    const presence = new PresenceRepository(ds);
    const opened = (sessionId: string, at: string): SessionOpenedV1 => ({ ...SessionOpenedV1.example, tenantId: 'tenant-a', clientId: 'a1', sessionId, openedAt: at });
    const closed = (sessionId: string, at: string): SessionClosedV1 => ({ ...SessionClosedV1.example, tenantId: 'tenant-a', clientId: 'a1', sessionId, closedAt: at });
    const first = envelope(opened('s1', '2030-01-01T10:00:00Z'));
    expect(await presence.markConnected('registry', [first, first])).toBe(1);
    expect(await presence.markConnected('registry', [first])).toBe(0);
    expect((await reader.loadUser(A))?.clients.find((c) => c.clientId === 'a1')?.presence).toEqual({
      connected: true, sessionId: 's1', since: '2030-01-01T10:00:00.000Z', via: 'sip-subscribe',
    });
    expect(await presence.markDisconnected('registry', [envelope(closed('s0', '2030-01-01T10:01:00Z'))])).toBe(1);
    expect((await clients.find(A, 'a1'))?.presence.connected).toBe(true);
    await presence.markDisconnected('registry', [envelope(closed('s1', '2030-01-01T10:02:00Z'))]);
    expect((await clients.find(A, 'a1'))?.presence).toEqual({ connected: false, since: '2030-01-01T10:02:00.000Z' });
    // a close that overtook its open: the late open does not revive the session
    await presence.markDisconnected('registry', [envelope(closed('s2', '2030-01-01T10:04:00Z'))]);
    expect(await presence.markConnected('registry', [envelope(opened('s2', '2030-01-01T10:03:00Z'))])).toBe(0);
    expect(await presence.markConnected('registry', [envelope({ ...opened('s3', '2030-01-01T10:05:00Z'), tenantId: 'tenant-b' })])).toBe(0);
    expect((await clients.find(A, 'a1'))?.presence.connected).toBe(false);
  });

  it('stores client responses once per event', async () => {
    const responses = new ClientResponseRepository(ds);
    const event = envelope<ClientRespondedV1>({ tenantId: 'tenant-a', clientId: 'a2', publicUserIdentity: aor, capabilities: { screen: 'large', audio: 'yes' }, respondedAt: '2030-01-01T00:00:00Z' });
    const patchOf = () => ({ capabilities: { screen: 'large', audio: 'yes' }, preferences: { contentTypes: ['text/plain'] }, reported: { security: { tls: '1.3' } } });
    expect(await responses.store('registry', [event], patchOf)).toBe(1);
    expect(await responses.store('registry', [event], patchOf)).toBe(0);
    const a2 = await clients.find(A, 'a2');
    expect(a2?.capabilities).toEqual({ screen: 'large', audio: 'yes' });
    expect(a2?.preferences).toEqual({ contentTypes: ['text/plain'], applications: [], optedOut: false });
    expect(a2?.reported).toEqual({ security: { tls: '1.3' } });
  });

  it('updates and deletes, cascading to clients and identities', async () => {
    const updated = await clients.update(A, 'a2', { deviceIdentities: [{ kind: 'imei', value: '490154203237518' }], subscriptions: [] });
    expect(updated).toMatchObject({ deviceIdentities: [{ kind: 'imei', value: '490154203237518' }], subscriptions: [] });
    expect((await users.update(A, { wakePolicy: 'broadcast-identity' }))?.wakePolicy).toBe('broadcast-identity');
    expect(await clients.delete(A, 'a2')).toBe(true);
    expect(await users.delete(A)).toBe(true);
    expect(await users.delete(A)).toBe(false);
    const left = (await ds.query(`SELECT count(*)::int AS n FROM device_identity WHERE tenant_id = 'tenant-a'`)) as Array<{ n: number }>;
    expect(left[0].n).toBe(0);
  });
});
