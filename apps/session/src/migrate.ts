// The session service's schema, by an explicit command (STYLE.md: never on app start):
//   node -r ./scripts/ts-register.cjs apps/session/src/migrate.ts [up|down]
import { migrateCommand } from '@waken/platform-persistence';
import { createSessionDataSource } from '@waken/session-data-access';
import { loadMigrateConfig } from './session.config';

migrateCommand(process.argv[2] ?? 'up', createSessionDataSource(loadMigrateConfig().databaseUrl, 1)).catch((e) => {
  console.error(e);
  process.exit(1);
});
