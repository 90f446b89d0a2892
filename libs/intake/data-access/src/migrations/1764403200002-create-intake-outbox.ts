import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Transactional outbox: records written in the transaction that accepts the push, published
 * by the relay and marked sent. `available_at` doubles as the deliver-after scheduler: a held
 * push's PushAcceptedV1 only becomes due at that instant.
 */
export class CreateIntakeOutbox1764403200002 implements MigrationInterface {
  name = 'CreateIntakeOutbox1764403200002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE intake_outbox (
      id bigserial PRIMARY KEY,
      push uuid REFERENCES push (id) ON DELETE CASCADE,
      topic text NOT NULL,
      message_key text NOT NULL,
      event_id uuid NOT NULL,
      payload jsonb NOT NULL,
      available_at timestamptz NOT NULL DEFAULT now(),
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      CONSTRAINT intake_outbox_event_id_unique UNIQUE (event_id)
    )`);
    await q.query(`CREATE INDEX intake_outbox_due ON intake_outbox (available_at, id) WHERE sent_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake_outbox`);
  }
}
