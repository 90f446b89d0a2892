import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { WakePolicy } from '@waken/registry-domain';

/** Table registry_user (migration CreateRegistryUser). */
@Entity({ name: 'registry_user' })
export class RegistryUserEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @Column({ name: 'public_user_identity', type: 'text' })
  publicUserIdentity!: string;

  @Column({ name: 'wake_policy', type: 'text' })
  wakePolicy!: WakePolicy;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz', insert: false })
  updatedAt!: Date;
}
