// The registry's schema, by an explicit command (STYLE.md: never on app start):
//   node -r ./scripts/ts-register.cjs apps/registry/src/migrate.ts [up|down]
import { migrateCommand } from '@waken/platform-persistence';
import { createRegistryDataSource } from '@waken/registry-data-access';
import { loadMigrateConfig } from './registry.config';

migrateCommand(process.argv[2] ?? 'up', createRegistryDataSource(loadMigrateConfig().databaseUrl, 1)).catch((e) => {
  console.error(e);
  process.exit(1);
});
