import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tenant's public user identities (seed "The problem": one identity, several clients).
 * The identity is unique per tenant: two tenants may register the same SIP URI.
 */
export class CreateRegistryUser1764316800000 implements MigrationInterface {
  name = 'CreateRegistryUser1764316800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE registry_user (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id text NOT NULL,
      public_user_identity text NOT NULL,
      wake_policy text NOT NULL DEFAULT 'auto'
        CHECK (wake_policy IN ('auto', 'targeted', 'broadcast-identity', 'broadcast')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT registry_user_identity_unique UNIQUE (tenant_id, public_user_identity)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registry_user`);
  }
}
