import { DataSource } from 'typeorm';
import { CreateProcessedEvent1764144000000 } from '@waken/platform-messaging';
import { createDataSource } from '@waken/platform-persistence';
import { ClientCapabilityEntity } from './entities/client-capability.entity';
import { IdempotencyRecordEntity } from './entities/idempotency-record.entity';
import { NotificationEntity } from './entities/notification.entity';
import { OutboxRecordEntity } from './entities/outbox-record.entity';
import { PushInitiatorEntity } from './entities/push-initiator.entity';
import { PushRecipientEntity } from './entities/push-recipient.entity';
import { PushSirEntity } from './entities/push-sir.entity';
import { PushEntity } from './entities/push.entity';
import { CreatePushInitiator1764403200000 } from './migrations/1764403200000-create-push-initiator';
import { CreatePush1764403200001 } from './migrations/1764403200001-create-push';
import { CreateIntakeOutbox1764403200002 } from './migrations/1764403200002-create-intake-outbox';
import { CreateNotificationOutbox1764403200003 } from './migrations/1764403200003-create-notification-outbox';
import { CreateClientCapability1764403200004 } from './migrations/1764403200004-create-client-capability';
import { CreateIdempotencyKey1764403200005 } from './migrations/1764403200005-create-idempotency-key';
import { AddPiClientCertificate1764403200006 } from './migrations/1764403200006-add-pi-client-certificate';

export const INTAKE_ENTITIES = [
  PushInitiatorEntity,
  PushEntity,
  PushRecipientEntity,
  PushSirEntity,
  OutboxRecordEntity,
  NotificationEntity,
  ClientCapabilityEntity,
  IdempotencyRecordEntity,
];

/** In order; processed_event is the inbox of the outcome tracker's idempotent consumers. */
export const INTAKE_MIGRATIONS = [
  CreateProcessedEvent1764144000000,
  CreatePushInitiator1764403200000,
  CreatePush1764403200001,
  CreateIntakeOutbox1764403200002,
  CreateNotificationOutbox1764403200003,
  CreateClientCapability1764403200004,
  CreateIdempotencyKey1764403200005,
  AddPiClientCertificate1764403200006,
];

export const INTAKE_MIGRATIONS_TABLE = 'intake_migrations';

/** push-intake's data source (synchronize: false; migrations run only by migrate.ts). */
export function createIntakeDataSource(url: string, poolSize = 10): DataSource {
  return createDataSource({
    url,
    entities: INTAKE_ENTITIES,
    migrations: INTAKE_MIGRATIONS,
    migrationsTableName: INTAKE_MIGRATIONS_TABLE,
    poolSize,
    applicationName: 'waken-push-intake',
  });
}
