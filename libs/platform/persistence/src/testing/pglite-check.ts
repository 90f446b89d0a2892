// Run as a child process by pglite-driver.int-spec.ts (Jest's VM cannot load PGlite's WASM
// module): exercises the embedded driver and prints what it saw as one JSON line.
import { DataSource } from 'typeorm';
import { createDataSource } from '../data-source.factory';

async function main(): Promise<void> {
  const a = await createDataSource({ url: 'memory://check', entities: [], migrations: [] }).initialize();
  const b = await createDataSource({ url: 'memory://check', entities: [], migrations: [], migrationsTableName: 'b_migrations' }).initialize();
  await a.query('CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL)');
  await a.query('INSERT INTO counter VALUES (1, 0)');
  const shared = await b.query('SELECT n FROM counter WHERE id = $1', [1]);
  const updateShape = await a.query('UPDATE counter SET n = n + 1 WHERE id = $1 RETURNING n', [1]);
  const bump = (ds: DataSource) =>
    ds.transaction(async (tx) => {
      const [{ n }] = (await tx.query('SELECT n FROM counter WHERE id = 1')) as Array<{ n: number }>;
      await new Promise((r) => setTimeout(r, 2));
      await tx.query('UPDATE counter SET n = $1 WHERE id = 1', [n + 1]);
    });
  await Promise.all(Array.from({ length: 20 }, (_, i) => bump(i % 2 ? a : b)));
  const afterConcurrent = await a.query('SELECT n FROM counter WHERE id = 1');
  const rolledBack = await a
    .transaction(async (tx) => {
      await tx.query('UPDATE counter SET n = 1000 WHERE id = 1');
      throw new Error('boom');
    })
    .catch((e: Error) => e.message);
  const afterRollback = await b.query('SELECT n FROM counter WHERE id = 1');
  await a.destroy();
  process.stdout.write(JSON.stringify({ shared, updateShape, afterConcurrent, rolledBack, afterRollback }) + '\n');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
