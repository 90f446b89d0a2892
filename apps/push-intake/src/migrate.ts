// push-intake's schema, by an explicit command (STYLE.md: never on app start):
//   node -r ./scripts/ts-register.cjs apps/push-intake/src/migrate.ts [up|down]
import { createIntakeDataSource } from '@waken/intake-data-access';
import { EnvReader } from '@waken/platform-config';
import { migrateCommand } from '@waken/platform-persistence';

const env = new EnvReader();
const url = env.done(env.url('DATABASE_URL', { default: 'postgres://postgres@127.0.0.1:5432/waken', protocols: ['postgres', 'postgresql', 'pglite', 'memory'] }));
migrateCommand(process.argv[2] ?? 'up', createIntakeDataSource(url, 1)).catch((e) => {
  console.error(e);
  process.exit(1);
});
