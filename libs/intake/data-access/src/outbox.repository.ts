import { ClaimedOutboxMessage, OutboxMessage } from './intake-records';
import { rows, SqlRunner } from './sql-runner';

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  event_id: string;
  payload: unknown;
  available_at: Date;
}

/**
 * The transactional outbox: written with the push in one transaction, published by the relay.
 * Claims use FOR UPDATE SKIP LOCKED so several instances relay without publishing a row twice
 * at the same time; a crash between publish and markSent republishes the same event-id, which
 * consumers deduplicate (architecture.md: at least once).
 */
export class OutboxRepository {
  async add(m: SqlRunner, push: string | null, messages: readonly OutboxMessage[]): Promise<void> {
    await this.addMany(m, messages.map((message) => ({ push, message })));
  }

  /** Records of several pushes in one statement (the accept path's group commit). */
  async addMany(m: SqlRunner, records: ReadonlyArray<{ push: string | null; message: OutboxMessage }>): Promise<void> {
    if (records.length === 0) return;
    await m.query(
      `INSERT INTO intake_outbox (push, topic, message_key, event_id, payload, available_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::jsonb[], $6::timestamptz[])
       ON CONFLICT ON CONSTRAINT intake_outbox_event_id_unique DO NOTHING`,
      [
        records.map((x) => x.push),
        records.map((x) => x.message.topic),
        records.map((x) => x.message.key),
        records.map((x) => x.message.eventId),
        records.map((x) => JSON.stringify(x.message.payload)),
        records.map((x) => x.message.availableAt),
      ],
    );
  }

  /** Due, unsent rows in insertion order, locked until the caller's transaction ends. */
  async claimDue(m: SqlRunner, now: Date, limit: number): Promise<ClaimedOutboxMessage[]> {
    const found = await rows<OutboxRow>(
      m,
      `SELECT id, topic, message_key, event_id, payload, available_at FROM intake_outbox
       WHERE sent_at IS NULL AND available_at <= $1 ORDER BY available_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return found.map((r) => ({ id: r.id, topic: r.topic, key: r.message_key, eventId: r.event_id, payload: r.payload, availableAt: r.available_at }));
  }

  async markSent(m: SqlRunner, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await m.query(`UPDATE intake_outbox SET sent_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  /** Drops a push's records not yet published (a held push that was cancelled or expired). */
  async dropUnsent(m: SqlRunner, push: string, topic: string): Promise<number> {
    const dropped = await rows<{ id: string }>(m, `DELETE FROM intake_outbox WHERE push = $1 AND topic = $2 AND sent_at IS NULL RETURNING id`, [push, topic]);
    return dropped.length;
  }

  /** How many of a push's records on a topic were published (PushCancelled only follows a published accept). */
  async sentCount(m: SqlRunner, push: string, topic: string): Promise<number> {
    const [row] = await rows<{ n: number }>(m, `SELECT count(*)::int AS n FROM intake_outbox WHERE push = $1 AND topic = $2 AND sent_at IS NOT NULL`, [push, topic]);
    return row.n;
  }

  /** Age of the oldest due, unsent record (reliability.md R1: none older than 30 s after recovery). */
  async oldestDueAgeMs(m: SqlRunner, now: Date): Promise<number> {
    const [row] = await rows<{ t: Date | null }>(m, `SELECT min(available_at) AS t FROM intake_outbox WHERE sent_at IS NULL AND available_at <= $1`, [now]);
    return row.t ? now.getTime() - new Date(row.t).getTime() : 0;
  }
}
