import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table client_capability (migration CreateClientCapability). */
@Entity({ name: 'client_capability' })
export class ClientCapabilityEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'public_user_identity', type: 'text' })
  publicUserIdentity!: string;

  @PrimaryColumn({ name: 'client_id', type: 'text' })
  clientId!: string;

  @Column({ type: 'jsonb' })
  capabilities!: Record<string, string>;

  @Column({ name: 'responded_at', type: 'timestamptz' })
  respondedAt!: Date;
}
