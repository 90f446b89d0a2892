import { MigrationInterface, QueryRunner } from 'typeorm';

/** JSON API Idempotency-Key: the first answer for (tenant, PI, key), replayed for the same body. */
export class CreateIdempotencyKey1764403200005 implements MigrationInterface {
  name = 'CreateIdempotencyKey1764403200005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE idempotency_key (
      tenant_id text NOT NULL,
      pi_id text NOT NULL,
      idem_key text NOT NULL,
      request_hash text NOT NULL,
      response_status integer NOT NULL,
      response_body jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, pi_id, idem_key)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE idempotency_key`);
  }
}
