/** Anything that can run one parameterised SQL statement: a TypeORM DataSource, EntityManager or QueryRunner. */
export interface SqlRunner {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Inbox idempotency (STYLE.md: a unique key where the side effect happens). Call inside the
 * transaction that applies the effect: it returns the event ids not seen before by `consumer`;
 * apply the effect only for those. A redelivered event finds its id taken and is skipped.
 * Table: processed_event (migration CreateProcessedEvent).
 */
export async function claimEvents(runner: SqlRunner, consumer: string, eventIds: string[]): Promise<Set<string>> {
  if (eventIds.length === 0) return new Set();
  const rows = (await runner.query(
    `INSERT INTO processed_event (consumer, event_id)
     SELECT $1, unnest($2::text[])
     ON CONFLICT (consumer, event_id) DO NOTHING
     RETURNING event_id`,
    [consumer, [...new Set(eventIds)]],
  )) as Array<{ event_id: string }>;
  return new Set(rows.map((r) => r.event_id));
}

/**
 * The envelopes of a batch whose effect must still be applied: ids not claimed before, and only
 * the first of several copies of one id inside the batch (a redelivery can share a batch).
 */
export async function claimBatch<T extends { headers: { eventId: string } }>(runner: SqlRunner, consumer: string, batch: T[]): Promise<T[]> {
  const fresh = await claimEvents(runner, consumer, batch.map((e) => e.headers.eventId));
  const out: T[] = [];
  for (const e of batch) {
    if (fresh.delete(e.headers.eventId)) out.push(e);
  }
  return out;
}
