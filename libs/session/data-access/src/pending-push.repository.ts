import { DataSource } from 'typeorm';
import { PendingPush, PendingPushKey, pendingKeyOf } from '@waken/session-domain';
import { ChangedPendingPush, PendingPushInput, StoredPendingPush } from './pending-push-state';
import { PendingPushRow, toPendingPush } from './pending-push-row';

// One statement per batch: unnest() turns the column arrays into rows (a Kafka batch is one round trip).
const INSERT_SQL = `INSERT INTO session_pending_push
    (tenant_id, push_id, recipient_index, client_id, public_user_identity, wake, content_type, application_id, body_base64, deliver_before, state)
  SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::text[])
  ON CONFLICT ON CONSTRAINT session_pending_push_key DO NOTHING
  RETURNING seq, tenant_id, push_id, recipient_index, client_id`;

const COLUMNS = `seq, tenant_id, push_id, recipient_index, client_id, public_user_identity, wake, content_type, application_id, body_base64, deliver_before`;

const PENDING_SQL = `SELECT ${COLUMNS} FROM session_pending_push
  WHERE tenant_id = $1 AND client_id = $2 AND state = 'pending' AND (deliver_before IS NULL OR deliver_before > $3) AND seq > $5
  ORDER BY seq LIMIT $4`;

// delivered wins over cancelled/expired: the client has it, whatever happened meanwhile
const DELIVERED_SQL = `UPDATE session_pending_push
  SET state = 'delivered', delivered_at = $5, session_id = $6, state_changed_at = now()
  WHERE tenant_id = $1 AND push_id = $2 AND recipient_index = $3 AND client_id = $4 AND state <> 'delivered'
  RETURNING seq`;

const CANCEL_SQL = `UPDATE session_pending_push SET state = 'cancelled', state_changed_at = now()
  WHERE tenant_id = $1 AND push_id = $2 AND state = 'pending'
  RETURNING tenant_id, push_id, recipient_index, client_id`;

const EXPIRE_SQL = `UPDATE session_pending_push SET state = 'expired', state_changed_at = now()
  WHERE seq IN (SELECT seq FROM session_pending_push WHERE state = 'pending' AND deliver_before <= $1
                ORDER BY deliver_before LIMIT $2 FOR UPDATE SKIP LOCKED)
  RETURNING tenant_id, push_id, recipient_index, client_id`;

const PURGE_SQL = `DELETE FROM session_pending_push
  WHERE seq IN (SELECT seq FROM session_pending_push WHERE state <> 'pending' AND state_changed_at < $1 LIMIT $2)`;

type KeyRow = { seq?: string; tenant_id: string; push_id: string; recipient_index: number; client_id: string };
const keyOf = (r: KeyRow): ChangedPendingPush => ({ tenantId: r.tenant_id, pushId: r.push_id, recipientIndex: r.recipient_index, clientId: r.client_id });

/** TypeORM answers an UPDATE/DELETE with [rows, affectedCount], anything else with the rows. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) ? result[0] : result) as T[];
}

/** The pending store of the session service (PostgreSQL, parameterised SQL only). */
export class PendingPushRepository {
  constructor(private readonly ds: DataSource) {}

  /** Inserts what is new; a key stored before (a redelivered event) is skipped and not returned. */
  async store(inputs: readonly PendingPushInput[]): Promise<StoredPendingPush[]> {
    if (inputs.length === 0) return [];
    const col = <T>(f: (i: PendingPushInput) => T) => inputs.map(f);
    const rows = (await this.ds.query(INSERT_SQL, [
      col((i) => i.tenantId), col((i) => i.pushId), col((i) => i.recipientIndex), col((i) => i.clientId),
      col((i) => i.publicUserIdentity), col((i) => i.wake), col((i) => i.content.contentType),
      col((i) => i.content.applicationId ?? null), col((i) => i.content.bodyBase64),
      col((i) => i.deliverBefore?.toISOString() ?? null), col((i) => i.state),
    ])) as KeyRow[];
    const byKey = new Map(inputs.map((i) => [pendingKeyOf(i), i]));
    return rows.map((row) => {
      const { state, ...input } = byKey.get(pendingKeyOf(keyOf(row))) as PendingPushInput;
      return { push: { ...input, seq: Number(row.seq) }, state };
    });
  }

  /** A client's pending pushes after `afterSeq`, in the order they became pending, not past deliver-before. */
  async pendingFor(tenantId: string, clientId: string, now: Date, limit: number, afterSeq = 0): Promise<PendingPush[]> {
    const rows = (await this.ds.query(PENDING_SQL, [tenantId, clientId, now.toISOString(), limit, afterSeq])) as PendingPushRow[];
    return rows.map(toPendingPush);
  }

  /** pending → delivered; false when it was delivered before (nothing to announce again). */
  async markDelivered(key: PendingPushKey, at: Date, sessionId: string): Promise<boolean> {
    const result = await this.ds.query(DELIVERED_SQL, [key.tenantId, key.pushId, key.recipientIndex, key.clientId, at.toISOString(), sessionId]);
    return rowsOf(result).length > 0;
  }

  /** PAP cancel: every still-pending recipient of the push; returns what was cancelled. */
  async cancel(tenantId: string, pushId: string): Promise<ChangedPendingPush[]> {
    return rowsOf<KeyRow>(await this.ds.query(CANCEL_SQL, [tenantId, pushId])).map(keyOf);
  }

  /** Pending rows past deliver-before become expired, at most `limit` per call. */
  async expireDue(now: Date, limit: number): Promise<ChangedPendingPush[]> {
    return rowsOf<KeyRow>(await this.ds.query(EXPIRE_SQL, [now.toISOString(), limit])).map(keyOf);
  }

  /** Deletes rows that reached a terminal state before `before`, at most `limit` per call. */
  async purgeSettled(before: Date, limit: number): Promise<number> {
    const result = (await this.ds.query(PURGE_SQL, [before.toISOString(), limit])) as unknown;
    return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
  }
}
