import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table notification_outbox (migration CreateNotificationOutbox). */
@Entity({ name: 'notification_outbox' })
export class NotificationEntity {
  @PrimaryColumn({ type: 'uuid' })
  push!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ type: 'text' })
  kind!: 'pap' | 'webhook';

  @Column({ type: 'text' })
  url!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'next_attempt_at', type: 'timestamptz' })
  nextAttemptAt!: Date;

  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true })
  failedAt!: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;
}
