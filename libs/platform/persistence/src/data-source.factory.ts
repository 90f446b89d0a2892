import { DataSource, DataSourceOptions, EntitySchema, MigrationInterface } from 'typeorm';
import { pgliteDriverFor } from './pglite-driver';

type EntityRef = string | (new () => unknown) | EntitySchema;
type MigrationRef = new () => MigrationInterface;

export interface PersistenceOptions {
  /** postgres://… for a server; pglite://<dir> or memory:// for the embedded PostgreSQL (PGlite). */
  url: string;
  entities: EntityRef[];
  migrations: MigrationRef[];
  /** Migrations table name; one per service keeps services' schemas independent. */
  migrationsTableName?: string;
  poolSize?: number;
  applicationName?: string;
}

/**
 * The TypeORM data source of a service. synchronize is always false: the schema only changes
 * through migrations run by an explicit command (`waken migrate`), never on app start.
 */
export function createDataSource(opts: PersistenceOptions): DataSource {
  const common = {
    entities: opts.entities,
    migrations: opts.migrations,
    migrationsTableName: opts.migrationsTableName ?? 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
  } as const;
  if (/^(pglite|memory):/.test(opts.url)) {
    return new DataSource({ ...common, type: 'postgres', driver: pgliteDriver(opts.url) } as DataSourceOptions);
  }
  return new DataSource({
    ...common,
    type: 'postgres',
    url: opts.url,
    applicationName: opts.applicationName,
    extra: { max: opts.poolSize ?? 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30000 },
  });
}

/**
 * PGlite (PostgreSQL in WASM) for the embedded single-process mode; loaded only when used. Every
 * data source of the process with the same URL shares one database (the services of the embedded
 * gateway), through one serialised connection.
 */
const embedded = new Map<string, unknown>();
function pgliteDriver(url: string): unknown {
  const dir = url.replace(/^(pglite|memory):\/\/?/, '');
  const key = url.startsWith('memory:') ? `memory:${dir}` : dir;
  let driver = embedded.get(key);
  if (!driver) {
    driver = pgliteDriverFor(async () => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { PGlite } = require('@electric-sql/pglite') as typeof import('@electric-sql/pglite');
      return PGlite.create(url.startsWith('memory:') ? undefined : dir);
    });
    embedded.set(key, driver);
  }
  return driver;
}
