import { DataSource, EntityManager } from 'typeorm';
import { SessionClosedV1, SessionOpenedV1 } from '@waken/contracts';
import { EventEnvelope, claimBatch } from '@waken/platform-messaging';

// seed §S2/§S10: connected while a push session is open. Opened and closed events travel on two
// topics, so a close can overtake its open: an open never goes back in time, never revives a
// session already seen closed, and a close only disconnects the session it names.
const OPENED_SQL = `UPDATE registry_client
  SET connected = true, session_id = $3, presence_since = $4, presence_via = $5, updated_at = now()
  WHERE tenant_id = $1 AND client_id = $2
    AND (presence_since IS NULL OR presence_since <= $4) AND closed_session_id IS DISTINCT FROM $3`;

const CLOSED_SQL = `UPDATE registry_client SET
    closed_session_id = $3,
    connected = CASE WHEN session_id = $3 THEN false ELSE connected END,
    presence_since = CASE WHEN session_id = $3 THEN $4::timestamptz ELSE presence_since END,
    presence_via = CASE WHEN session_id = $3 THEN NULL ELSE presence_via END,
    session_id = CASE WHEN session_id = $3 THEN NULL ELSE session_id END,
    updated_at = now()
  WHERE tenant_id = $1 AND client_id = $2`;

/** Presence from session events, applied once per event id (claimBatch, same transaction). */
export class PresenceRepository {
  constructor(private readonly ds: DataSource) {}

  /** Returns how many clients changed state; an unknown client changes nothing. */
  async markConnected(consumer: string, batch: EventEnvelope<SessionOpenedV1>[]): Promise<number> {
    return this.apply(consumer, batch, (m, e) => m.query(OPENED_SQL, [e.tenantId, e.clientId, e.sessionId, e.openedAt, e.via]));
  }

  async markDisconnected(consumer: string, batch: EventEnvelope<SessionClosedV1>[]): Promise<number> {
    return this.apply(consumer, batch, (m, e) => m.query(CLOSED_SQL, [e.tenantId, e.clientId, e.sessionId, e.closedAt]));
  }

  private apply<T>(consumer: string, batch: EventEnvelope<T>[], update: (m: EntityManager, event: T) => Promise<unknown>): Promise<number> {
    return this.ds.transaction(async (manager) => {
      let changed = 0;
      // in order: the events of one client stay in partition order
      for (const e of await claimBatch(manager, consumer, batch)) changed += affected(await update(manager, e.payload));
      return changed;
    });
  }
}

/** pg answers an UPDATE through TypeORM's query() with [rows, affectedCount]. */
export function affected(result: unknown): number {
  return Array.isArray(result) && typeof result[1] === 'number' ? result[1] : 0;
}
