import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accepted pushes and their recipients (seed §S1). The push-id is unique per (tenant, PI):
 * a concurrent duplicate loses on this key and gets PAP 2007, never a check-then-insert race.
 * `progress` is the outcome tracker's state (delivered clients, failed clients, SIRs sent).
 */
export class CreatePush1764403200001 implements MigrationInterface {
  name = 'CreatePush1764403200001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE push (
      id uuid PRIMARY KEY,
      tenant_id text NOT NULL,
      pi_id text NOT NULL,
      push_id text NOT NULL,
      origin text NOT NULL CHECK (origin IN ('pap', 'json')),
      pap_version text,
      state text NOT NULL DEFAULT 'pending',
      deliver_after timestamptz,
      deliver_before timestamptz,
      qos jsonb NOT NULL,
      source_reference text,
      notify_url text,
      progress_notes_requested boolean NOT NULL DEFAULT false,
      content_type text NOT NULL,
      application_id text,
      content bytea NOT NULL,
      target_devices jsonb NOT NULL DEFAULT '[]',
      progress jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      final_at timestamptz,
      CONSTRAINT push_pi_push_id_unique UNIQUE (tenant_id, pi_id, push_id),
      CONSTRAINT push_window CHECK (deliver_after IS NULL OR deliver_before IS NULL OR deliver_after < deliver_before)
    )`);
    await q.query(`CREATE INDEX push_pending_deadline ON push (deliver_before) WHERE state = 'pending' AND deliver_before IS NOT NULL`);
    await q.query(`CREATE TABLE push_recipient (
      push uuid NOT NULL REFERENCES push (id) ON DELETE CASCADE,
      recipient_index integer NOT NULL,
      address_value text NOT NULL,
      address_type text NOT NULL,
      public_user_identity text NOT NULL,
      state text NOT NULL DEFAULT 'pending',
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (push, recipient_index)
    )`);
    // SessionOpenedV1 names only its SIR: this maps a SIR back to the push it woke a client for
    await q.query(`CREATE TABLE push_sir (
      tenant_id text NOT NULL,
      sir_id text NOT NULL,
      push uuid NOT NULL REFERENCES push (id) ON DELETE CASCADE,
      PRIMARY KEY (tenant_id, sir_id)
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE push_sir`);
    await q.query(`DROP TABLE push_recipient`);
    await q.query(`DROP TABLE push`);
  }
}
