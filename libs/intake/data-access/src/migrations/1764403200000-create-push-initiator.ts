import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Push Initiators of a tenant: the SHA-256 hash of their API key (never the key), and the
 * rules of what they may push (reliability.md (d) "PI credentials", "Device/user").
 */
export class CreatePushInitiator1764403200000 implements MigrationInterface {
  name = 'CreatePushInitiator1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE push_initiator (
      tenant_id text NOT NULL,
      pi_id text NOT NULL,
      key_hash text NOT NULL,
      trusted boolean NOT NULL DEFAULT false,
      allowed_user_patterns text[] NOT NULL DEFAULT '{}',
      allowed_applications text[] NOT NULL DEFAULT '{*}',
      allowed_content_types text[] NOT NULL DEFAULT '{*}',
      quota_per_second integer NOT NULL DEFAULT 100 CHECK (quota_per_second > 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, pi_id),
      CONSTRAINT push_initiator_key_hash_unique UNIQUE (key_hash)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE push_initiator`);
  }
}
