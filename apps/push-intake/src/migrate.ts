// push-intake's schema step, run explicitly (never on app start):
//   node -r ./scripts/ts-register.cjs apps/push-intake/src/migrate.ts [up|down]
import { createIntakeDataSource } from '@waken/intake-data-access';
import { EnvReader } from '@waken/platform-config';
import { revertLastMigration, runMigrations } from '@waken/platform-persistence';

async function main(direction: string): Promise<void> {
  if (direction !== 'up' && direction !== 'down') throw new Error('usage: migrate.ts [up|down]');
  const env = new EnvReader();
  const url = env.done(env.url('DATABASE_URL', { default: 'postgres://postgres@127.0.0.1:5432/waken', protocols: ['postgres', 'postgresql', 'pglite', 'memory'] }));
  const ds = await createIntakeDataSource(url, 1).initialize();
  try {
    if (direction === 'up') process.stdout.write(`applied: ${(await runMigrations(ds)).join(', ') || 'nothing (up to date)'}\n`);
    else process.stdout.write(`${(await revertLastMigration(ds)) ? 'reverted the last migration' : 'nothing to revert'}\n`);
  } finally {
    await ds.destroy();
  }
}

main(process.argv[2] ?? 'up').catch((e) => {
  console.error(e);
  process.exit(1);
});
