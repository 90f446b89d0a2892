import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';

type Callback = (err: Error | null, result?: unknown) => void;

interface PgResult {
  command: string;
  rowCount: number;
  rows: unknown[];
  fields: Array<{ name: string; dataTypeID: number }>;
}

/** PGlite answers like node-postgres, so code written for `pg` (TypeORM's raw query shapes) runs unchanged. */
function toPgResult(sql: string, r: { rows: unknown[]; fields: Array<{ name: string; dataTypeID: number }>; affectedRows?: number }): PgResult {
  const command = /^\s*(?:WITH\b[\s\S]*?\)\s*)?([A-Za-z]+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
  return { command, rowCount: r.affectedRows ?? r.rows.length, rows: r.rows, fields: r.fields };
}

/** One connection at a time: PGlite has a single session, so a transaction must own it. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();
  acquire(timeoutMs: number): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const previous = this.tail;
    this.tail = previous.then(() => held);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`embedded database busy for ${timeoutMs} ms (a query outside its transaction?)`)), timeoutMs);
    });
    return Promise.race([previous.then(() => release), timeout]).finally(() => clearTimeout(timer));
  }
}

class PGliteClient extends EventEmitter {
  constructor(
    private readonly db: PGlite,
    readonly release: () => void,
  ) {
    super();
  }

  async query(sql: string, params?: unknown[] | Callback, callback?: Callback): Promise<PgResult> {
    const cb = typeof params === 'function' ? params : callback;
    const values = Array.isArray(params) ? params : undefined;
    try {
      const result =
        values && values.length > 0
          ? toPgResult(sql, await this.db.query(sql, values))
          : toPgResult(sql, (await this.db.exec(sql)).at(-1) ?? { rows: [], fields: [] });
      cb?.(null, result);
      return result;
    } catch (e) {
      cb?.(e as Error);
      if (cb) return { command: '', rowCount: 0, rows: [], fields: [] };
      throw e;
    }
  }
}

/**
 * A node-postgres-shaped pool over one PGlite database (the embedded mode's PostgreSQL), for
 * TypeORM's postgres driver. Connections are handed out one at a time, so transactions of
 * different services sharing the database never interleave.
 */
export function pgliteDriverFor(open: () => Promise<PGlite>, acquireTimeoutMs = 30000): unknown {
  const mutex = new Mutex();
  let db: Promise<PGlite> | undefined;
  const database = () => (db ??= open());
  class Pool extends EventEmitter {
    connect(cb: (err: Error | null, client?: PGliteClient, done?: () => void) => void): void {
      Promise.all([database(), mutex.acquire(acquireTimeoutMs)]).then(
        ([instance, release]) => {
          const client = new PGliteClient(instance, release);
          cb(null, client, release);
        },
        (e: Error) => cb(e),
      );
    }
    async query(sql: string, params?: unknown[] | Callback, callback?: Callback): Promise<PgResult> {
      const release = await mutex.acquire(acquireTimeoutMs);
      try {
        return await new PGliteClient(await database(), release).query(sql, params, callback);
      } finally {
        release();
      }
    }
    end(cb?: (err: Error | null) => void): void {
      void (async () => {
        if (db) await (await db).close();
        db = undefined;
        cb?.(null);
      })();
    }
  }
  return { Pool };
}
