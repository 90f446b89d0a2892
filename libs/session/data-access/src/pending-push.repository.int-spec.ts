// The pending store on the real PostgreSQL: migrations both ways, idempotent inserts on the unique
// key, order, delivery, cancel, expiry and retention.
import { DataSource } from 'typeorm';
import { revertLastMigration, runMigrations } from '@waken/platform-persistence';
import { PendingPush } from '@waken/session-domain';
import { createTestDatabase, TestDatabase } from '@waken/testing';
import { PendingPushInput } from './pending-push-state';
import { PendingPushRepository } from './pending-push.repository';
import { createSessionDataSource } from './session-schema';

const input = (pushId: string, over: Partial<PendingPushInput> = {}): PendingPushInput => ({
  tenantId: 'mobilkom',
  pushId,
  recipientIndex: 0,
  clientId: 'c-phone',
  publicUserIdentity: 'sip:+43-8323546@mobilkom.at',
  wake: 'sir',
  content: { contentType: 'text/plain', applicationId: 'x-wap-application:wml.ua', bodyBase64: 'aGVsbG8=' },
  state: 'pending',
  ...over,
});
const ids = (pushes: PendingPush[]) => pushes.map((p) => p.pushId);

describe('PendingPushRepository on PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let repo: PendingPushRepository;
  const now = new Date();

  beforeAll(async () => {
    db = await createTestDatabase('session_store');
    ds = createSessionDataSource(db.url, 2);
    await ds.initialize();
    expect(await runMigrations(ds)).toEqual(['CreatePendingPush1764403200000']);
    repo = new PendingPushRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('migrates down and up again', async () => {
    expect(await revertLastMigration(ds)).toBe(true);
    expect(await ds.query(`SELECT to_regclass('session_pending_push') AS t`)).toEqual([{ t: null }]);
    await runMigrations(ds);
    expect(await ds.query(`SELECT to_regclass('session_pending_push') AS t`)).toEqual([{ t: 'session_pending_push' }]);
  });

  it('inserts each key once: a redelivered batch and a duplicate inside a batch store nothing new', async () => {
    const first = await repo.store([input('a'), input('b', { recipientIndex: 1 }), input('b', { recipientIndex: 2 })]);
    expect(first.map((s) => [s.push.pushId, s.push.recipientIndex])).toEqual([['a', 0], ['b', 1], ['b', 2]]);
    expect(first[0].push.content).toEqual(input('a').content);
    expect(await repo.store([input('a'), input('b', { recipientIndex: 1 })])).toEqual([]);
    expect(await repo.store([input('c'), input('c')])).toHaveLength(1);
  });

  it('returns a client its pending pushes in the order they became pending, after a seq, within a limit', async () => {
    const pending = await repo.pendingFor('mobilkom', 'c-phone', now, 10);
    expect(pending.map((p) => [p.pushId, p.recipientIndex])).toEqual([['a', 0], ['b', 1], ['b', 2], ['c', 0]]);
    expect(ids(await repo.pendingFor('mobilkom', 'c-phone', now, 2))).toEqual(['a', 'b']);
    expect(ids(await repo.pendingFor('mobilkom', 'c-phone', now, 10, pending[1].seq))).toEqual(['b', 'c']);
    expect(await repo.pendingFor('other', 'c-phone', now, 10)).toEqual([]);
  });

  it('marks delivered once, with the time and session', async () => {
    const at = new Date('2026-11-26T10:00:00.200Z');
    expect(await repo.markDelivered(input('a'), at, 'sess-1')).toBe(true);
    expect(await repo.markDelivered(input('a'), at, 'sess-1')).toBe(false);
    const [row] = await ds.query(`SELECT state, delivered_at, session_id FROM session_pending_push WHERE push_id = 'a'`);
    expect(row).toEqual({ state: 'delivered', delivered_at: at, session_id: 'sess-1' });
    expect(ids(await repo.pendingFor('mobilkom', 'c-phone', now, 10))).toEqual(['b', 'b', 'c']);
  });

  it('cancels every still-pending recipient of a push, and only those', async () => {
    const cancelled = await repo.cancel('mobilkom', 'b');
    expect(cancelled.map((c) => c.recipientIndex).sort()).toEqual([1, 2]);
    expect(await repo.cancel('mobilkom', 'a')).toEqual([]);
    expect(await repo.cancel('other', 'c')).toEqual([]);
  });

  it('expires pending rows past deliver-before, skips them in loads, and purges old terminal rows', async () => {
    await repo.store([input('late', { deliverBefore: new Date(Date.now() + 200) }), input('gone', { deliverBefore: new Date(Date.now() - 1000), state: 'expired' })]);
    const later = new Date(Date.now() + 1000);
    expect(ids(await repo.pendingFor('mobilkom', 'c-phone', later, 10))).toEqual(['c']);
    expect((await repo.expireDue(later, 10)).map((e) => e.pushId)).toEqual(['late']);
    const states = await ds.query(`SELECT push_id, state FROM session_pending_push ORDER BY seq`);
    expect(states.map((s: { push_id: string; state: string }) => `${s.push_id}:${s.state}`)).toEqual([
      'a:delivered', 'b:cancelled', 'b:cancelled', 'c:pending', 'late:expired', 'gone:expired',
    ]);
    expect(await repo.purgeSettled(new Date(Date.now() + 60_000), 100)).toBe(5);
    expect(await repo.store([input('a')])).toHaveLength(1);
  });
});
