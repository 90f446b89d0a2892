import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table push (migration CreatePush). The hot paths use raw SQL (push.repository.ts). */
@Entity({ name: 'push' })
export class PushEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'pi_id', type: 'text' })
  piId!: string;

  @Column({ name: 'push_id', type: 'text' })
  pushId!: string;

  @Column({ type: 'text' })
  origin!: 'pap' | 'json';

  @Column({ name: 'pap_version', type: 'text', nullable: true })
  papVersion!: string | null;

  @Column({ type: 'text' })
  state!: string;

  @Column({ name: 'deliver_after', type: 'timestamptz', nullable: true })
  deliverAfter!: Date | null;

  @Column({ name: 'deliver_before', type: 'timestamptz', nullable: true })
  deliverBefore!: Date | null;

  @Column({ type: 'jsonb' })
  qos!: Record<string, unknown>;

  @Column({ name: 'source_reference', type: 'text', nullable: true })
  sourceReference!: string | null;

  @Column({ name: 'notify_url', type: 'text', nullable: true })
  notifyUrl!: string | null;

  @Column({ name: 'progress_notes_requested', type: 'boolean' })
  progressNotesRequested!: boolean;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  @Column({ name: 'application_id', type: 'text', nullable: true })
  applicationId!: string | null;

  @Column({ type: 'bytea' })
  content!: Buffer;

  @Column({ name: 'target_devices', type: 'jsonb' })
  targetDevices!: unknown[];

  @Column({ type: 'jsonb' })
  progress!: Record<string, unknown>;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'final_at', type: 'timestamptz', nullable: true })
  finalAt!: Date | null;
}
