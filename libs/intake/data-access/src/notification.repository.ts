import { LeasedNotification, NewNotification } from './intake-records';
import { rows, SqlRunner } from './sql-runner';

interface NotificationRow {
  push: string;
  tenant_id: string;
  kind: 'pap' | 'webhook';
  url: string;
  content_type: string;
  body: string;
  attempts: number;
}

/**
 * The notification outbox: one row per push (primary key), leased by a sender for a while so a
 * crashed sender's rows come back after the lease. seed §S12.
 */
export class NotificationRepository {
  /** False when this push already has its notification (exactly one per push). */
  async enqueue(m: SqlRunner, n: NewNotification): Promise<boolean> {
    const inserted = await rows<{ push: string }>(
      m,
      `INSERT INTO notification_outbox (push, tenant_id, kind, url, content_type, body) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (push) DO NOTHING RETURNING push`,
      [n.push, n.tenantId, n.kind, n.url, n.contentType, n.body],
    );
    return inserted.length === 1;
  }

  /** Takes up to `limit` due notifications and hides them for `leaseMs` while they are sent. */
  async lease(m: SqlRunner, now: Date, limit: number, leaseMs: number): Promise<LeasedNotification[]> {
    const leased = await rows<NotificationRow>(
      m,
      `UPDATE notification_outbox SET attempts = attempts + 1, next_attempt_at = $1::timestamptz + make_interval(secs => $3::double precision / 1000)
       WHERE push IN (SELECT push FROM notification_outbox WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $1
                      ORDER BY next_attempt_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING push, tenant_id, kind, url, content_type, body, attempts`,
      [now, limit, leaseMs],
    );
    return leased.map((r) => ({ push: r.push, tenantId: r.tenant_id, kind: r.kind, url: r.url, contentType: r.content_type, body: r.body, attempts: r.attempts }));
  }

  async markSent(m: SqlRunner, push: string, note?: string): Promise<void> {
    await m.query(`UPDATE notification_outbox SET sent_at = now(), last_error = $2 WHERE push = $1`, [push, note ?? null]);
  }

  async retryLater(m: SqlRunner, push: string, delayMs: number, error: string): Promise<void> {
    await m.query(
      `UPDATE notification_outbox SET next_attempt_at = now() + make_interval(secs => $2::double precision / 1000), last_error = $3 WHERE push = $1`,
      [push, delayMs, error.slice(0, 500)],
    );
  }

  async markFailed(m: SqlRunner, push: string, error: string): Promise<void> {
    await m.query(`UPDATE notification_outbox SET failed_at = now(), last_error = $2 WHERE push = $1`, [push, error.slice(0, 500)]);
  }
}
