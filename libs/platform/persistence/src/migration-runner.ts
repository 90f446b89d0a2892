import { DataSource } from 'typeorm';

/** What `waken migrate` prints: the migrations that ran. */
export async function runMigrations(ds: DataSource): Promise<string[]> {
  const ran = await ds.runMigrations({ transaction: 'each' });
  return ran.map((m) => m.name);
}

/** Reverts the last applied migration; returns false when none was applied. */
export async function revertLastMigration(ds: DataSource): Promise<boolean> {
  const before = await appliedCount(ds);
  if (before === 0) return false;
  await ds.undoLastMigration({ transaction: 'each' });
  return true;
}

async function appliedCount(ds: DataSource): Promise<number> {
  const table = ds.options.migrationsTableName ?? 'migrations';
  const exists = (await ds.query(`SELECT to_regclass($1) AS t`, [table])) as Array<{ t: string | null }>;
  if (!exists[0]?.t) return 0;
  const rows = (await ds.query(`SELECT count(*)::int AS n FROM "${table}"`)) as Array<{ n: number }>;
  return rows[0].n;
}
