// A migration applies to the real PostgreSQL and rolls back (issue 2 acceptance).
import { createTestDatabase, TestDatabase } from '@waken/testing';
import { DataSource } from 'typeorm';
import { createDataSource, revertLastMigration, runMigrations } from '@waken/platform-persistence';
import { claimEvents } from './idempotency';
import { CreateProcessedEvent1764144000000 } from './migrations/1764144000000-create-processed-event';

describe('migrations on real PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('migrations');
    ds = createDataSource({ url: db.url, entities: [], migrations: [CreateProcessedEvent1764144000000], migrationsTableName: 'test_migrations' });
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const tableExists = async (name: string) => ((await ds.query('SELECT to_regclass($1) AS t', [name])) as Array<{ t: string | null }>)[0].t !== null;

  it('applies, is usable, is idempotent to re-run, and rolls back', async () => {
    expect(await revertLastMigration(ds)).toBe(false);
    expect(await runMigrations(ds)).toEqual(['CreateProcessedEvent1764144000000']);
    expect(await tableExists('processed_event')).toBe(true);
    expect([...(await claimEvents(ds, 'g', ['a', 'b', 'a']))].sort()).toEqual(['a', 'b']);
    expect([...(await claimEvents(ds, 'g', ['a', 'c']))]).toEqual(['c']);
    expect(await runMigrations(ds)).toEqual([]);
    expect(await revertLastMigration(ds)).toBe(true);
    expect(await tableExists('processed_event')).toBe(false);
    expect(await runMigrations(ds)).toEqual(['CreateProcessedEvent1764144000000']);
  });
});
