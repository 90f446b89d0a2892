import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Table session_pending_push (migration CreatePendingPush). The repository reads it with SQL. */
@Entity({ name: 'session_pending_push' })
export class PendingPushEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'push_id', type: 'text' })
  pushId!: string;

  @Column({ name: 'recipient_index', type: 'integer' })
  recipientIndex!: number;

  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  @Column({ name: 'public_user_identity', type: 'text' })
  publicUserIdentity!: string;

  @Column({ type: 'text' })
  wake!: 'sir' | 'connected';

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ name: 'application_id', type: 'text', nullable: true })
  applicationId!: string | null;

  @Column({ name: 'body_base64', type: 'text' })
  bodyBase64!: string;

  @Column({ name: 'deliver_before', type: 'timestamptz', nullable: true })
  deliverBefore!: Date | null;

  @Column({ type: 'text' })
  state!: 'pending' | 'delivered' | 'cancelled' | 'expired' | 'undeliverable';

  @Column({ name: 'pending_since', type: 'timestamptz', insert: false, update: false })
  pendingSince!: Date;

  @Column({ name: 'state_changed_at', type: 'timestamptz', insert: false })
  stateChangedAt!: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ name: 'session_id', type: 'text', nullable: true })
  sessionId!: string | null;
}
