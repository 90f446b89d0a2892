import { DataSource } from 'typeorm';
import { CreateProcessedEvent1764144000000 } from '@waken/platform-messaging';
import { createDataSource } from '@waken/platform-persistence';
import { DeviceIdentityEntity } from './entities/device-identity.entity';
import { RegistryClientEntity } from './entities/registry-client.entity';
import { RegistryUserEntity } from './entities/registry-user.entity';
import { CreateRegistryUser1764316800000 } from './migrations/1764316800000-create-registry-user';
import { CreateRegistryClient1764316800001 } from './migrations/1764316800001-create-registry-client';
import { CreateDeviceIdentity1764316800002 } from './migrations/1764316800002-create-device-identity';

export const REGISTRY_ENTITIES = [RegistryUserEntity, RegistryClientEntity, DeviceIdentityEntity];

/** In order; processed_event is the inbox of the registry's idempotent consumers. */
export const REGISTRY_MIGRATIONS = [
  CreateProcessedEvent1764144000000,
  CreateRegistryUser1764316800000,
  CreateRegistryClient1764316800001,
  CreateDeviceIdentity1764316800002,
];

export const REGISTRY_MIGRATIONS_TABLE = 'registry_migrations';

/** The registry's data source (synchronize: false; migrations run only by `migrate`). */
export function createRegistryDataSource(url: string, poolSize = 10): DataSource {
  return createDataSource({
    url,
    entities: REGISTRY_ENTITIES,
    migrations: REGISTRY_MIGRATIONS,
    migrationsTableName: REGISTRY_MIGRATIONS_TABLE,
    poolSize,
    applicationName: 'waken-registry',
  });
}
