// The embedded database (PGlite) behaves like PostgreSQL for TypeORM: result shapes of raw
// queries, and transactions of two data sources on the one connection never interleave.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

describe('embedded PostgreSQL (PGlite) driver', () => {
  it('shares one database per URL, answers like node-postgres, serialises transactions, rolls back', () => {
    const root = join(__dirname, '../../../..');
    const out = execFileSync(process.execPath, ['-r', join(root, 'scripts/ts-register.cjs'), join(__dirname, 'testing/pglite-check.ts')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60000,
    });
    expect(JSON.parse(out.trim().split('\n').at(-1) as string)).toEqual({
      shared: [{ n: 0 }],
      updateShape: [[{ n: 1 }], 1],
      afterConcurrent: [{ n: 21 }],
      rolledBack: 'boom',
      afterRollback: [{ n: 21 }],
    });
  });
});
