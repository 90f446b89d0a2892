import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table idempotency_key (migration CreateIdempotencyKey). */
@Entity({ name: 'idempotency_key' })
export class IdempotencyRecordEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'pi_id', type: 'text' })
  piId!: string;

  @PrimaryColumn({ name: 'idem_key', type: 'text' })
  idemKey!: string;

  @Column({ name: 'request_hash', type: 'text' })
  requestHash!: string;

  @Column({ name: 'response_status', type: 'integer' })
  responseStatus!: number;

  @Column({ name: 'response_body', type: 'jsonb' })
  responseBody!: unknown;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;
}
