import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table push_sir (migration CreatePush): which push a SIR was sent for. */
@Entity({ name: 'push_sir' })
export class PushSirEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'sir_id', type: 'text' })
  sirId!: string;

  @Column({ type: 'uuid' })
  push!: string;
}
