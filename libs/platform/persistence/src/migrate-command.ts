import { DataSource } from 'typeorm';
import { revertLastMigration, runMigrations } from './migration-runner';

/**
 * The body of every service's `migrate.ts [up|down]` (STYLE.md: migrations run by an explicit
 * step, never on app start): up applies every pending migration, down reverts the last one.
 */
export async function migrateCommand(direction: string, dataSource: DataSource, out: (line: string) => void = (l) => process.stdout.write(`${l}\n`)): Promise<void> {
  if (direction !== 'up' && direction !== 'down') throw new Error(`usage: migrate.ts [up|down], not "${direction}"`);
  await dataSource.initialize();
  try {
    if (direction === 'up') {
      const ran = await runMigrations(dataSource);
      out(ran.length ? `applied: ${ran.join(', ')}` : 'schema up to date');
    } else {
      out((await revertLastMigration(dataSource)) ? 'reverted the last migration' : 'no migration to revert');
    }
  } finally {
    await dataSource.destroy();
  }
}
