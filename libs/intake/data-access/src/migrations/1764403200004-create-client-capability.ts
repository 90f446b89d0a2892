import { MigrationInterface, QueryRunner } from 'typeorm';

/** Read model of ClientRespondedV1 (seed §C4) to answer PAP ccq-message, per tenant. */
export class CreateClientCapability1764403200004 implements MigrationInterface {
  name = 'CreateClientCapability1764403200004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE client_capability (
      tenant_id text NOT NULL,
      public_user_identity text NOT NULL,
      client_id text NOT NULL,
      capabilities jsonb NOT NULL,
      responded_at timestamptz NOT NULL,
      PRIMARY KEY (tenant_id, public_user_identity, client_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE client_capability`);
  }
}
