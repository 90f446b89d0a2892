import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One result notification per push (seed §S12): the primary key is the push, so a second
 * final state can never enqueue a second notification. Retries with backoff survive restarts.
 */
export class CreateNotificationOutbox1764403200003 implements MigrationInterface {
  name = 'CreateNotificationOutbox1764403200003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification_outbox (
      push uuid PRIMARY KEY REFERENCES push (id) ON DELETE CASCADE,
      tenant_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('pap', 'webhook')),
      url text NOT NULL,
      content_type text NOT NULL,
      body text NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      failed_at timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_outbox`);
  }
}
