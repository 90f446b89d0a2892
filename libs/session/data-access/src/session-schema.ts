import { DataSource } from 'typeorm';
import { createDataSource } from '@waken/platform-persistence';
import { PendingPushEntity } from './entities/pending-push.entity';
import { CreatePendingPush1764403200000 } from './migrations/1764403200000-create-pending-push';

export const SESSION_ENTITIES = [PendingPushEntity];
export const SESSION_MIGRATIONS = [CreatePendingPush1764403200000];
/** Its own migrations table: the session service's schema evolves independently. */
export const SESSION_MIGRATIONS_TABLE = 'session_migrations';

/** The session service's data source (synchronize: false; migrations run only by `migrate`). */
export function createSessionDataSource(url: string, poolSize = 10): DataSource {
  return createDataSource({
    url,
    entities: SESSION_ENTITIES,
    migrations: SESSION_MIGRATIONS,
    migrationsTableName: SESSION_MIGRATIONS_TABLE,
    poolSize,
    applicationName: 'waken-session',
  });
}
