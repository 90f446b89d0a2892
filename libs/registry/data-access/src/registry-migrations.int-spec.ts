// The registry's migrations apply to the real PostgreSQL and roll back, one by one, to nothing.
import { DataSource } from 'typeorm';
import { revertLastMigration, runMigrations } from '@waken/platform-persistence';
import { createTestDatabase, TestDatabase } from '@waken/testing';
import { REGISTRY_MIGRATIONS, createRegistryDataSource } from './registry-schema';

describe('registry migrations on real PostgreSQL', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase('registry_migrations');
    ds = createRegistryDataSource(db.url, 2);
    await ds.initialize();
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  const tables = async () =>
    ((await ds.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'registry_migrations' ORDER BY 1`)) as Array<{ tablename: string }>).map((r) => r.tablename);

  it('applies every migration, is a no-op when re-run, rolls back to an empty schema and re-applies', async () => {
    expect(await runMigrations(ds)).toEqual(REGISTRY_MIGRATIONS.map((m) => m.name));
    expect(await tables()).toEqual(['device_identity', 'processed_event', 'registry_client', 'registry_user']);
    expect(await runMigrations(ds)).toEqual([]);
    const indexes = (await ds.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`)) as Array<{ indexname: string }>;
    expect(indexes.map((i) => i.indexname)).toEqual(expect.arrayContaining(['registry_client_user', 'device_identity_client', 'registry_user_identity_unique']));
    for (let i = 0; i < REGISTRY_MIGRATIONS.length; i++) expect(await revertLastMigration(ds)).toBe(true);
    expect(await revertLastMigration(ds)).toBe(false);
    expect(await tables()).toEqual([]);
    expect(await runMigrations(ds)).toHaveLength(REGISTRY_MIGRATIONS.length);
  });
});
