// push-intake's migrations on the real PostgreSQL: apply, no-op re-run, roll back one by one to
// nothing, re-apply. Then the store's keys: push-id unique per (tenant, PI), one notification
// per push, idempotency keys, and TypeORM's UPDATE ... RETURNING shape.
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { revertLastMigration, runMigrations } from '@waken/platform-persistence';
import { createTestDatabase, TestDatabase } from '@waken/testing';
import { INTAKE_MIGRATIONS, createIntakeDataSource } from './intake-schema';
import { IdempotencyRepository } from './idempotency.repository';
import { NewPush } from './intake-records';
import { NotificationRepository } from './notification.repository';
import { OutboxRepository } from './outbox.repository';
import { PushInitiatorRepository } from './push-initiator.repository';
import { PushRepository } from './push.repository';

describe('intake store on real PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('intake_store');
    ds = await createIntakeDataSource(db.url, 4).initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const tables = async () =>
    ((await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'intake_migrations' ORDER BY 1`)) as Array<{ tablename: string }>).map((r) => r.tablename);

  it('applies every migration, is a no-op when re-run, rolls back to an empty schema and re-applies', async () => {
    expect(await runMigrations(ds)).toEqual(INTAKE_MIGRATIONS.map((m) => m.name));
    expect(await tables()).toEqual(['client_capability', 'idempotency_key', 'intake_outbox', 'notification_outbox', 'processed_event', 'push', 'push_initiator', 'push_recipient', 'push_sir']);
    expect(await runMigrations(ds)).toEqual([]);
    for (let i = 0; i < INTAKE_MIGRATIONS.length; i++) expect(await revertLastMigration(ds)).toBe(true);
    expect(await tables()).toEqual([]);
    expect(await runMigrations(ds)).toHaveLength(INTAKE_MIGRATIONS.length);
  });

  const newPush = (over: Partial<NewPush> = {}): NewPush => ({
    id: randomUUID(),
    tenantId: 'ta',
    piId: 'pi',
    pushId: 'p-1',
    origin: 'json',
    qos: { priority: 'medium', deliveryMethod: 'notspecified' },
    progressNotesRequested: false,
    contentType: 'text/plain',
    content: Buffer.from('hi'),
    targetDevices: [],
    progress: {},
    receivedAt: new Date(),
    recipients: [{ index: 0, addressValue: 'sip:a@x', addressType: 'USER', publicUserIdentity: 'sip:a@x' }],
    ...over,
  });

  it('push-id is unique per (tenant, PI), found only by its own PI; keys hashed; one notification per push; outbox claim and drop', async () => {
    const pushes = new PushRepository();
    const first = newPush();
    expect(await pushes.insert(ds.manager, first)).toBe(true);
    expect(await pushes.insert(ds.manager, newPush())).toBe(false);
    expect(await pushes.insert(ds.manager, newPush({ piId: 'pi-2' }))).toBe(true);
    expect(await pushes.insert(ds.manager, newPush({ tenantId: 'tb' }))).toBe(true);
    expect((await pushes.findByPushId(ds.manager, 'ta', 'pi', 'p-1'))?.recipients).toHaveLength(1);
    expect(await pushes.findByPushId(ds.manager, 'tb', 'pi-2', 'p-1')).toBeUndefined();
    expect(await pushes.lockById(ds.manager, 'tb', first.id)).toBeUndefined();
    expect(await pushes.lockById(ds.manager, 'ta', "'; DROP TABLE push; --")).toBeUndefined();

    const initiators = new PushInitiatorRepository();
    await initiators.save(ds.manager, { tenantId: 'ta', piId: 'pi', allowedUserPatterns: ['*'], allowedApplications: ['*'], allowedContentTypes: ['*'], trusted: false, quotaPerSecond: 5 }, 'secret-key-0123456789');
    expect((await initiators.findByApiKey(ds.manager, 'secret-key-0123456789'))?.piId).toBe('pi');
    expect(await ds.query(`SELECT count(*)::int AS n FROM push_initiator WHERE key_hash LIKE '%secret%'`)).toEqual([{ n: 0 }]);

    const notifications = new NotificationRepository();
    const n = { push: first.id, tenantId: 'ta', kind: 'webhook' as const, url: 'http://x', contentType: 'application/json', body: '{}' };
    expect(await notifications.enqueue(ds.manager, n)).toBe(true);
    expect(await notifications.enqueue(ds.manager, n)).toBe(false);
    const leased = await notifications.lease(ds.manager, new Date(), 10, 60000);
    expect(leased.map((l) => [l.push, l.attempts])).toEqual([[first.id, 1]]);
    expect(await notifications.lease(ds.manager, new Date(), 10, 60000)).toEqual([]);

    const outbox = new OutboxRepository();
    const msg = (eventId: string, availableAt: Date) => ({ topic: 't', key: 'k', eventId, payload: { a: 1 }, availableAt });
    await outbox.add(ds.manager, first.id, [msg(randomUUID(), new Date(Date.now() - 1000)), msg(randomUUID(), new Date(Date.now() + 3600_000))]);
    expect(await outbox.claimDue(ds.manager, new Date(), 10)).toHaveLength(1);
    expect(await outbox.dropUnsent(ds.manager, first.id, 't')).toBe(2);
  });

  it('an Idempotency-Key is claimed once; the second claim sees the stored answer', async () => {
    const idem = new IdempotencyRepository();
    const ref = { tenantId: 'ta', piId: 'pi', key: 'k-1' };
    expect(await idem.claim(ds.manager, ref, 'h1')).toEqual({ fresh: true });
    await idem.complete(ds.manager, ref, 202, { pushId: 'x' });
    expect(await idem.claim(ds.manager, ref, 'h2')).toEqual({ fresh: false, requestHash: 'h1', status: 202, body: { pushId: 'x' } });
  });
});
