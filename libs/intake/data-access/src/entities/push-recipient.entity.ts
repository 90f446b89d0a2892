import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table push_recipient (migration CreatePush): one row per PAP address of a push. */
@Entity({ name: 'push_recipient' })
export class PushRecipientEntity {
  @PrimaryColumn({ type: 'uuid' })
  push!: string;

  @PrimaryColumn({ name: 'recipient_index', type: 'integer' })
  recipientIndex!: number;

  @Column({ name: 'address_value', type: 'text' })
  addressValue!: string;

  @Column({ name: 'address_type', type: 'text' })
  addressType!: string;

  @Column({ name: 'public_user_identity', type: 'text' })
  publicUserIdentity!: string;

  @Column({ type: 'text' })
  state!: string;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
