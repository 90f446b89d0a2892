import { rows, SqlRunner } from './sql-runner';

export interface IdempotencyKeyRef {
  readonly tenantId: string;
  readonly piId: string;
  readonly key: string;
}

export type IdempotencyClaim =
  | { readonly fresh: true }
  | { readonly fresh: false; readonly requestHash: string; readonly status: number; readonly body: unknown };

/**
 * JSON API Idempotency-Key. claim() inserts the key in the caller's transaction; a concurrent
 * request with the same key waits on the primary key until the first commits, then reads its
 * stored answer (same body → same response, another body → 409).
 */
export class IdempotencyRepository {
  async claim(m: SqlRunner, ref: IdempotencyKeyRef, requestHash: string): Promise<IdempotencyClaim> {
    const inserted = await rows<{ idem_key: string }>(
      m,
      `INSERT INTO idempotency_key (tenant_id, pi_id, idem_key, request_hash, response_status, response_body) VALUES ($1, $2, $3, $4, 0, 'null')
       ON CONFLICT DO NOTHING RETURNING idem_key`,
      [ref.tenantId, ref.piId, ref.key, requestHash],
    );
    if (inserted.length === 1) return { fresh: true };
    const [row] = await rows<{ request_hash: string; response_status: number; response_body: unknown }>(
      m,
      `SELECT request_hash, response_status, response_body FROM idempotency_key WHERE tenant_id = $1 AND pi_id = $2 AND idem_key = $3`,
      [ref.tenantId, ref.piId, ref.key],
    );
    return { fresh: false, requestHash: row.request_hash, status: row.response_status, body: row.response_body };
  }

  async complete(m: SqlRunner, ref: IdempotencyKeyRef, status: number, body: unknown): Promise<void> {
    await m.query(`UPDATE idempotency_key SET response_status = $4, response_body = $5 WHERE tenant_id = $1 AND pi_id = $2 AND idem_key = $3`, [
      ref.tenantId,
      ref.piId,
      ref.key,
      status,
      JSON.stringify(body),
    ]);
  }
}
