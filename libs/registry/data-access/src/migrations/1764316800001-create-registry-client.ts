import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The clients (terminals) of a user, with what seed §S2 gathers about each: capabilities,
 * preferences, subscriptions, presence, activation methods in order, and the SIR key id.
 * Client ids are unique per tenant: session and response events name (tenant, client).
 */
export class CreateRegistryClient1764316800001 implements MigrationInterface {
  name = 'CreateRegistryClient1764316800001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE registry_client (
      tenant_id text NOT NULL,
      client_id text NOT NULL,
      user_id uuid NOT NULL REFERENCES registry_user (id) ON DELETE CASCADE,
      capabilities jsonb NOT NULL DEFAULT '{}',
      preferences jsonb NOT NULL,
      subscriptions jsonb NOT NULL DEFAULT '[]',
      activation_methods jsonb NOT NULL DEFAULT '[]',
      connected boolean NOT NULL DEFAULT false,
      session_id text,
      presence_since timestamptz,
      presence_via text,
      closed_session_id text,
      sir_key_id text NOT NULL,
      sir_key_version integer NOT NULL DEFAULT 1 CHECK (sir_key_version BETWEEN 1 AND 65535),
      reported jsonb NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, client_id),
      CHECK (jsonb_typeof(activation_methods) = 'array' AND jsonb_typeof(subscriptions) = 'array')
    )`);
    // hot path: the clients of the users of a batch (UserProfileReader.loadUsers)
    await q.query(`CREATE INDEX registry_client_user ON registry_client (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE registry_client`);
  }
}
