import { NewPush, PushRecord, RecipientRecord } from './intake-records';
import { rows, SqlRunner } from './sql-runner';

interface PushRow {
  id: string;
  tenant_id: string;
  pi_id: string;
  push_id: string;
  origin: 'pap' | 'json';
  pap_version: string | null;
  state: string;
  deliver_after: Date | null;
  deliver_before: Date | null;
  qos: PushRecord['qos'];
  source_reference: string | null;
  notify_url: string | null;
  progress_notes_requested: boolean;
  content_type: string;
  application_id: string | null;
  target_devices: PushRecord['targetDevices'];
  progress: unknown;
  received_at: Date;
  final_at: Date | null;
}

interface RecipientRow {
  recipient_index: number;
  address_value: string;
  address_type: string;
  public_user_identity: string;
  state: string;
}

const PUSH_COLUMNS = `id, tenant_id, pi_id, push_id, origin, pap_version, state, deliver_after, deliver_before, qos,
  source_reference, notify_url, progress_notes_requested, content_type, application_id, target_devices, progress,
  received_at, final_at`;
/** Casts of the push INSERT's parameters, in column order: a multi-row VALUES infers no types from the table. */
const PUSH_INSERT_CASTS = ['::uuid', '', '', '', '', '', '::timestamptz', '::timestamptz', '::jsonb', '', '', '::boolean', '', '', '::bytea', '::jsonb', '::jsonb', '::timestamptz'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Pushes and recipients. Raw SQL: the accept path is one INSERT ... ON CONFLICT DO NOTHING on the
 * (tenant, PI, push-id) unique key, so 1,000 concurrent duplicates cost 1 insert and 999 no-ops
 * (reliability.md R6) instead of 999 aborted transactions. Every read is scoped by tenant.
 */
export class PushRepository {
  /** False when the PI already used this push-id (PAP 2007): the unique key decides. */
  async insert(m: SqlRunner, push: NewPush): Promise<boolean> {
    return (await this.insertMany(m, [push])).has(push.id);
  }

  /**
   * Several pushes and their recipients in two statements (the accept path's group commit).
   * Returns the ids written; a push whose (tenant, PI, push-id) is taken, by an earlier push or
   * by one before it in the same batch, is skipped (PAP 2007). Callers pass the batch sorted by
   * that key so concurrent batches take the unique-index locks in one order.
   */
  async insertMany(m: SqlRunner, pushes: readonly NewPush[]): Promise<Set<string>> {
    if (pushes.length === 0) return new Set();
    const params: unknown[] = [];
    const tuples = pushes.map((push) => {
      const row = [
        push.id, push.tenantId, push.piId, push.pushId, push.origin, push.papVersion ?? null, push.deliverAfter ?? null,
        push.deliverBefore ?? null, JSON.stringify(push.qos), push.sourceReference ?? null, push.notifyUrl ?? null,
        push.progressNotesRequested, push.contentType, push.applicationId ?? null, push.content,
        JSON.stringify(push.targetDevices), JSON.stringify(push.progress), push.receivedAt,
      ];
      const first = params.length + 1;
      params.push(...row);
      return `(${PUSH_INSERT_CASTS.map((cast, i) => `$${first + i}${cast}`).join(', ')})`;
    });
    const inserted = await rows<{ id: string }>(
      m,
      `INSERT INTO push (id, tenant_id, pi_id, push_id, origin, pap_version, deliver_after, deliver_before, qos, source_reference,
         notify_url, progress_notes_requested, content_type, application_id, content, target_devices, progress, received_at)
       VALUES ${tuples.join(', ')}
       ON CONFLICT ON CONSTRAINT push_pi_push_id_unique DO NOTHING
       RETURNING id`,
      params,
    );
    const ids = new Set(inserted.map((r) => r.id));
    const recipients = pushes.filter((p) => ids.has(p.id)).flatMap((p) => p.recipients.map((r) => ({ push: p.id, ...r })));
    if (recipients.length > 0) {
      await m.query(
        `INSERT INTO push_recipient (push, recipient_index, address_value, address_type, public_user_identity)
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::text[], $5::text[])`,
        [
          recipients.map((r) => r.push),
          recipients.map((r) => r.index),
          recipients.map((r) => r.addressValue),
          recipients.map((r) => r.addressType),
          recipients.map((r) => r.publicUserIdentity),
        ],
      );
    }
    return ids;
  }

  /** The PI's push by its own push-id; another tenant's or PI's push is simply not found. */
  async findByPushId(m: SqlRunner, tenantId: string, piId: string, pushId: string, lock = false): Promise<PushRecord | undefined> {
    const [row] = await rows<PushRow>(
      m,
      `SELECT ${PUSH_COLUMNS} FROM push WHERE tenant_id = $1 AND pi_id = $2 AND push_id = $3${lock ? ' FOR UPDATE' : ''}`,
      [tenantId, piId, pushId],
    );
    return row && this.withRecipients(m, row);
  }

  /** By internal id (the pushId of events); locked for the outcome tracker's update. */
  async lockById(m: SqlRunner, tenantId: string, id: string): Promise<PushRecord | undefined> {
    return (await this.lockManyById(m, tenantId, [id])).get(id);
  }

  /**
   * Several pushes of one tenant, locked in id order in one statement, with their recipients in a
   * second: the outcome tracker's batch costs two round trips instead of two per push. FOR NO KEY
   * UPDATE: the tracker changes no key, so FK checks of concurrent inserts (push_sir) do not wait
   * on it, which is what made batches of different topics deadlock.
   */
  async lockManyById(m: SqlRunner, tenantId: string, ids: readonly string[]): Promise<Map<string, PushRecord>> {
    const wanted = [...new Set(ids.filter((id) => UUID.test(id)))].sort();
    const out = new Map<string, PushRecord>();
    if (wanted.length === 0) return out;
    const pushRows = await rows<PushRow>(m, `SELECT ${PUSH_COLUMNS} FROM push WHERE tenant_id = $1 AND id = ANY($2::uuid[]) ORDER BY id FOR NO KEY UPDATE`, [tenantId, wanted]);
    if (pushRows.length === 0) return out;
    const recipients = await rows<RecipientRow & { push: string }>(
      m,
      `SELECT push, recipient_index, address_value, address_type, public_user_identity, state FROM push_recipient WHERE push = ANY($1::uuid[]) ORDER BY push, recipient_index`,
      [pushRows.map((r) => r.id)],
    );
    for (const row of pushRows) out.set(row.id, toRecord(row, recipients.filter((r) => r.push === row.id).map(toRecipient)));
    return out;
  }

  /**
   * Writes the tracker's results for a whole batch in two statements: push state and progress,
   * each recipient's state (a pair of statements per push cost ~5 ms per event under load:
   * bench/README.md).
   */
  async saveOutcomes(m: SqlRunner, outcomes: ReadonlyArray<{ id: string; state: string; progress: unknown; recipientStates: readonly string[]; final: boolean }>): Promise<void> {
    if (outcomes.length === 0) return;
    await m.query(
      `UPDATE push p SET state = u.state, progress = u.progress::jsonb, final_at = CASE WHEN u.final THEN coalesce(p.final_at, now()) END
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::bool[]) AS u(id, state, progress, final)
       WHERE p.id = u.id`,
      [outcomes.map((o) => o.id), outcomes.map((o) => o.state), outcomes.map((o) => JSON.stringify(o.progress)), outcomes.map((o) => o.final)],
    );
    const recipients = outcomes.flatMap((o) => o.recipientStates.map((state, index) => ({ push: o.id, index, state })));
    await m.query(
      `UPDATE push_recipient r SET state = s.state, updated_at = now()
       FROM unnest($1::uuid[], $2::int[], $3::text[]) AS s(push, idx, state)
       WHERE r.push = s.push AND r.recipient_index = s.idx AND r.state IS DISTINCT FROM s.state`,
      [recipients.map((r) => r.push), recipients.map((r) => r.index), recipients.map((r) => r.state)],
    );
  }

  /** Pending pushes whose deliver-before has passed, locked for the expiry sweep (reliability.md R5). */
  async lockExpired(m: SqlRunner, now: Date, limit: number): Promise<Array<{ tenantId: string; id: string }>> {
    const found = await rows<{ tenant_id: string; id: string }>(
      m,
      `SELECT tenant_id, id FROM push WHERE state = 'pending' AND deliver_before <= $1
       ORDER BY deliver_before LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return found.map((r) => ({ tenantId: r.tenant_id, id: r.id }));
  }

  /** Remembers which push a SIR was for; nothing for an unknown push or another tenant's. */
  async rememberSirs(m: SqlRunner, tenantId: string, push: string, sirIds: readonly string[]): Promise<void> {
    await this.rememberManySirs(m, sirIds.map((sirId) => ({ tenantId, push, sirId })));
  }

  /**
   * SessionOpenedV1 names only its SIR: remembers which push each SIR was for, one statement for a
   * whole batch. A SIR of a push that is not ours (other tenant, unknown id) is skipped.
   */
  async rememberManySirs(m: SqlRunner, sirs: ReadonlyArray<{ tenantId: string; push: string; sirId: string }>): Promise<void> {
    const valid = sirs.filter((s) => UUID.test(s.push));
    if (valid.length === 0) return;
    await m.query(
      `INSERT INTO push_sir (tenant_id, sir_id, push)
       SELECT s.tenant_id, s.sir_id, p.id FROM unnest($1::text[], $2::text[], $3::uuid[]) AS s (tenant_id, sir_id, push)
       JOIN push p ON p.id = s.push AND p.tenant_id = s.tenant_id
       ON CONFLICT DO NOTHING`,
      [valid.map((s) => s.tenantId), valid.map((s) => s.sirId), valid.map((s) => s.push)],
    );
  }

  async pushOfSir(m: SqlRunner, tenantId: string, sirId: string): Promise<string | undefined> {
    return (await this.pushesOfSirs(m, [{ tenantId, sirId }])).get(sirKey(tenantId, sirId));
  }

  /** The pushes of several SIRs in one statement, keyed by sirKey(tenant, sir). */
  async pushesOfSirs(m: SqlRunner, sirs: ReadonlyArray<{ tenantId: string; sirId: string }>): Promise<Map<string, string>> {
    if (sirs.length === 0) return new Map();
    const found = await rows<{ tenant_id: string; sir_id: string; push: string }>(
      m,
      `SELECT ps.tenant_id, ps.sir_id, ps.push FROM push_sir ps
       JOIN unnest($1::text[], $2::text[]) AS s (tenant_id, sir_id) ON ps.tenant_id = s.tenant_id AND ps.sir_id = s.sir_id`,
      [sirs.map((s) => s.tenantId), sirs.map((s) => s.sirId)],
    );
    return new Map(found.map((r) => [sirKey(r.tenant_id, r.sir_id), r.push]));
  }

  private async withRecipients(m: SqlRunner, row: PushRow): Promise<PushRecord> {
    const recipients = await rows<RecipientRow>(
      m,
      `SELECT recipient_index, address_value, address_type, public_user_identity, state FROM push_recipient WHERE push = $1 ORDER BY recipient_index`,
      [row.id],
    );
    return toRecord(row, recipients.map(toRecipient));
  }
}

/** The key of pushesOfSirs' answer. */
export function sirKey(tenantId: string, sirId: string): string {
  return `${tenantId}\u0000${sirId}`;
}

function toRecipient(r: RecipientRow): RecipientRecord {
  return { index: r.recipient_index, addressValue: r.address_value, addressType: r.address_type, publicUserIdentity: r.public_user_identity, state: r.state };
}

function toRecord(r: PushRow, recipients: RecipientRecord[]): PushRecord {
  const opt = <K extends string, V>(key: K, value: V | null) => (value === null ? {} : ({ [key]: value } as Record<K, V>));
  return {
    id: r.id,
    tenantId: r.tenant_id,
    piId: r.pi_id,
    pushId: r.push_id,
    origin: r.origin,
    state: r.state,
    qos: r.qos,
    progressNotesRequested: r.progress_notes_requested,
    contentType: r.content_type,
    targetDevices: r.target_devices,
    progress: r.progress,
    receivedAt: r.received_at,
    recipients,
    ...opt('papVersion', r.pap_version),
    ...opt('deliverAfter', r.deliver_after),
    ...opt('deliverBefore', r.deliver_before),
    ...opt('sourceReference', r.source_reference),
    ...opt('notifyUrl', r.notify_url),
    ...opt('applicationId', r.application_id),
    ...opt('finalAt', r.final_at),
  };
}
