import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Table push_initiator (migration CreatePushInitiator). */
@Entity({ name: 'push_initiator' })
export class PushInitiatorEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'pi_id', type: 'text' })
  piId!: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  @Column({ type: 'boolean' })
  trusted!: boolean;

  @Column({ name: 'allowed_user_patterns', type: 'text', array: true })
  allowedUserPatterns!: string[];

  @Column({ name: 'allowed_applications', type: 'text', array: true })
  allowedApplications!: string[];

  @Column({ name: 'allowed_content_types', type: 'text', array: true })
  allowedContentTypes!: string[];

  @Column({ name: 'quota_per_second', type: 'integer' })
  quotaPerSecond!: number;

  /** SHA-256 fingerprint (upper-case hex, no colons) of the PI's client certificate, for mutual TLS. */
  @Column({ name: 'client_cert_sha256', type: 'text', nullable: true })
  clientCertSha256!: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', insert: false, update: false })
  createdAt!: Date;
}
