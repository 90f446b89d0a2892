// The accept path's group commit on real PostgreSQL: concurrent accepts share transactions,
// each caller learns its own outcome (written or duplicate push-id), and a row the database
// refuses fails only itself, never the pushes batched with it.
import { createIntakeDataSource, NewPush } from '@waken/intake-data-access';
import { runMigrations } from '@waken/platform-persistence';
import { createTestDatabase, TestDatabase } from '@waken/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AcceptBatcher } from './accept-batcher';

function push(pushId: string, overrides: Partial<NewPush> = {}): NewPush {
  const id = randomUUID();
  return {
    id,
    tenantId: 't1',
    piId: 'pi1',
    pushId,
    origin: 'json',
    qos: { priority: 'medium', deliveryMethod: 'notspecified', bearerRequired: false, networkRequired: false },
    progressNotesRequested: false,
    contentType: 'text/plain',
    content: Buffer.from(`content of ${pushId}`),
    targetDevices: [],
    progress: { recipients: 1 },
    receivedAt: new Date(),
    recipients: [{ index: 0, addressValue: `sip:${pushId}@a.example`, addressType: 'USER', publicUserIdentity: `sip:${pushId}@a.example` }],
    ...overrides,
  } as NewPush;
}

const outboxOf = (p: NewPush) => [{ topic: 'push.accepted.v1', key: p.recipients[0].publicUserIdentity, eventId: randomUUID(), payload: { pushId: p.id }, availableAt: new Date() }];

describe('AcceptBatcher (group commit on real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase('accept_batcher');
    ds = await createIntakeDataSource(db.url, 10).initialize();
    await runMigrations(ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const count = async (sql: string, params: unknown[] = []) => Number(((await ds.query(sql, params)) as Array<{ n: string }>)[0].n);

  it('writes 1,000 concurrent accepts in far fewer transactions, each with its recipient and outbox record', async () => {
    let transactions = 0;
    const original = ds.transaction.bind(ds);
    const counting = new AcceptBatcher(Object.assign(Object.create(ds), { transaction: (fn: never) => (transactions++, original(fn)) }) as DataSource);
    const pushes = Array.from({ length: 1000 }, (_, i) => push(`many-${i}`));
    const written = await Promise.all(pushes.map((p) => counting.submit(p, outboxOf(p))));
    expect(written.every(Boolean)).toBe(true);
    expect(transactions).toBeLessThan(50);
    expect(await count(`SELECT count(*) AS n FROM push WHERE push_id LIKE 'many-%'`)).toBe(1000);
    expect(await count(`SELECT count(*) AS n FROM push_recipient r JOIN push p ON p.id = r.push WHERE p.push_id LIKE 'many-%'`)).toBe(1000);
    expect(await count(`SELECT count(*) AS n FROM intake_outbox o JOIN push p ON p.id = o.push WHERE p.push_id LIKE 'many-%'`)).toBe(1000);
  });

  it('one push-id submitted 300 times at once: one written, 299 duplicates, one outbox record', async () => {
    const batcher = new AcceptBatcher(ds);
    const pushes = Array.from({ length: 300 }, () => push('same'));
    const written = await Promise.all(pushes.map((p) => batcher.submit(p, outboxOf(p))));
    expect(written.filter(Boolean)).toHaveLength(1);
    const winner = pushes[written.indexOf(true)];
    expect(await count(`SELECT count(*) AS n FROM push WHERE push_id = 'same'`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM push WHERE id = $1`, [winner.id])).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM intake_outbox WHERE push = $1`, [winner.id])).toBe(1);
  });

  it('a row the database refuses fails alone; its batch neighbours are written', async () => {
    const batcher = new AcceptBatcher(ds);
    const good = Array.from({ length: 20 }, (_, i) => push(`good-${i}`));
    // push_window: deliver-after must be earlier than deliver-before
    const bad = push('bad', { deliverAfter: new Date(Date.now() + 60_000), deliverBefore: new Date() });
    const all = [...good.slice(0, 10), bad, ...good.slice(10)];
    const results = await Promise.allSettled(all.map((p) => batcher.submit(p, outboxOf(p))));
    expect(results.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(results[10].status).toBe('rejected');
    expect(await count(`SELECT count(*) AS n FROM push WHERE push_id LIKE 'good-%'`)).toBe(20);
    expect(await count(`SELECT count(*) AS n FROM push WHERE push_id = 'bad'`)).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM intake_outbox o JOIN push p ON p.id = o.push WHERE p.push_id LIKE 'good-%'`)).toBe(20);
  });
});
