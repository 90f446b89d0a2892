import { Column, Entity, PrimaryColumn } from 'typeorm';
import { DeviceIdentityKind } from '@waken/contracts';

/** Table device_identity (migration CreateDeviceIdentity): canonical values only. */
@Entity({ name: 'device_identity' })
export class DeviceIdentityEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: DeviceIdentityKind;

  @PrimaryColumn({ type: 'text' })
  value!: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId!: string;

  @Column({ type: 'smallint' })
  position!: number;
}
