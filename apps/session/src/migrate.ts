// The session service's schema, by an explicit command (STYLE.md: never on app start):
//   node -r ./scripts/ts-register.cjs apps/session/src/migrate.ts [up|down]
// up applies every pending migration; down reverts the last applied one.
import { revertLastMigration, runMigrations } from '@waken/platform-persistence';
import { createSessionDataSource } from '@waken/session-data-access';
import { loadMigrateConfig } from './session.config';

async function main(direction: string): Promise<void> {
  if (direction !== 'up' && direction !== 'down') throw new Error(`usage: migrate.ts [up|down], not "${direction}"`);
  const dataSource = createSessionDataSource(loadMigrateConfig().databaseUrl, 1);
  await dataSource.initialize();
  try {
    if (direction === 'up') {
      const ran = await runMigrations(dataSource);
      console.warn(ran.length ? `applied: ${ran.join(', ')}` : 'schema up to date');
    } else {
      console.warn((await revertLastMigration(dataSource)) ? 'reverted the last migration' : 'no migration to revert');
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2] ?? 'up').catch((e) => {
  console.error(e);
  process.exit(1);
});
