import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ActivationMethod } from '@waken/contracts';
import { ClientPreferences, Subscription } from '@waken/registry-domain';
import { ReportedInformation } from '../reported-information';

/** Table registry_client (migration CreateRegistryClient). */
@Entity({ name: 'registry_client' })
export class RegistryClientEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'client_id', type: 'text' })
  clientId!: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @Column({ type: 'jsonb' })
  capabilities!: Record<string, string>;

  @Column({ type: 'jsonb' })
  preferences!: ClientPreferences;

  @Column({ type: 'jsonb' })
  subscriptions!: Subscription[];

  @Column({ name: 'activation_methods', type: 'jsonb' })
  activationMethods!: ActivationMethod[];

  @Column({ type: 'boolean', insert: false })
  connected!: boolean;

  @Column({ name: 'session_id', type: 'text', nullable: true, insert: false })
  sessionId!: string | null;

  @Column({ name: 'presence_since', type: 'timestamptz', nullable: true, insert: false })
  presenceSince!: Date | null;

  @Column({ name: 'presence_via', type: 'text', nullable: true, insert: false })
  presenceVia!: string | null;

  @Column({ name: 'sir_key_id', type: 'text' })
  sirKeyId!: string;

  @Column({ name: 'sir_key_version', type: 'integer' })
  sirKeyVersion!: number;

  @Column({ type: 'jsonb', insert: false })
  reported!: ReportedInformation;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false })
  updatedAt!: Date;
}
