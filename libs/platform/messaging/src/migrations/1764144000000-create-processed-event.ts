import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The inbox table behind claimEvents(): one row per (consumer group, event id) applied. Several
 * services may share one database (the embedded mode), so creating it is idempotent.
 */
export class CreateProcessedEvent1764144000000 implements MigrationInterface {
  name = 'CreateProcessedEvent1764144000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE IF NOT EXISTS processed_event (
      consumer text NOT NULL,
      event_id text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`);
    await q.query(`CREATE INDEX IF NOT EXISTS processed_event_processed_at ON processed_event (processed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS processed_event`);
  }
}
