import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../../..');

/**
 * Runs `apps/<app>/src/migrate.ts up` as its own process against `databaseUrl`, the explicit
 * schema step an operator runs before the first start (STYLE.md: never on app start).
 */
export function runMigrateEntry(app: 'push-intake' | 'registry' | 'session', databaseUrl: string): Promise<string> {
  const args = ['-r', join(REPO_ROOT, 'scripts/ts-register.cjs'), join(REPO_ROOT, `apps/${app}/src/migrate.ts`), 'up'];
  return new Promise((done, fail) => {
    execFile(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) fail(new Error(`${app} migrate up failed: ${error.message}\n${stderr}`));
      else done(`${stdout}${stderr}`.trim());
    });
  });
}
