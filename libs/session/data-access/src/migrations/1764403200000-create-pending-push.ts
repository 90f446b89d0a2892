import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Pushes held for clients until their push session takes them (seed §C3, §S10). `seq` is the
 * order in which they became pending; the unique key makes a redelivered PushPendingV1 a no-op.
 * Rows stay after a terminal state (delivered, cancelled, expired, undeliverable) for the
 * retention period, so a late redelivery still finds its key.
 */
export class CreatePendingPush1764403200000 implements MigrationInterface {
  name = 'CreatePendingPush1764403200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE session_pending_push (
      seq bigserial PRIMARY KEY,
      tenant_id text NOT NULL,
      push_id text NOT NULL,
      recipient_index integer NOT NULL CHECK (recipient_index BETWEEN 0 AND 9999),
      client_id text NOT NULL,
      public_user_identity text NOT NULL,
      wake text NOT NULL CHECK (wake IN ('sir', 'connected')),
      content_type text NOT NULL,
      application_id text,
      body_base64 text NOT NULL,
      deliver_before timestamptz,
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'cancelled', 'expired', 'undeliverable')),
      pending_since timestamptz NOT NULL DEFAULT now(),
      state_changed_at timestamptz NOT NULL DEFAULT now(),
      delivered_at timestamptz,
      session_id text,
      CONSTRAINT session_pending_push_key UNIQUE (tenant_id, push_id, recipient_index, client_id)
    )`);
    // a session's load: one client's pending rows in order
    await q.query(`CREATE INDEX session_pending_push_client ON session_pending_push (tenant_id, client_id, seq) WHERE state = 'pending'`);
    // the expiry sweep
    await q.query(`CREATE INDEX session_pending_push_due ON session_pending_push (deliver_before) WHERE state = 'pending' AND deliver_before IS NOT NULL`);
    // the retention purge
    await q.query(`CREATE INDEX session_pending_push_settled ON session_pending_push (state_changed_at) WHERE state <> 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_pending_push`);
  }
}
