import { createHash } from 'node:crypto';
import { MAX_ID } from '@waken/contracts';

/** The recipient of a broadcast SIR (seed S9) in its id. */
export const BROADCAST_RECIPIENT = '*';

/**
 * Deterministic id of one wake-up: `<pushId>#<recipientIndex>/<clientId>`, or `/*` for
 * the single broadcast SIR. A redelivered PushResolvedV1 gives the same ids, so the
 * composer's unique key drops the duplicate (STYLE.md, idempotency). An id longer than
 * the contract allows is replaced by a digest of it, still deterministic.
 */
export function sirRequestId(pushId: string, recipientIndex: number, clientId: string): string {
  const id = `${pushId}#${recipientIndex}/${clientId}`;
  if (id.length <= MAX_ID) return id;
  return `sir:sha256:${createHash('sha256').update(id).digest('hex')}`;
}

/**
 * When the SIR stops being worth sending: the push's deliver-before, or now + the SIR
 * time-to-live, whichever is first (reliability.md R5: nothing delivered late).
 */
export function sirExpiry(deliverBefore: string | undefined, now: Date, sirTtlMs: number): Date {
  const ttlEnd = now.getTime() + sirTtlMs;
  const deadline = deliverBefore === undefined ? Number.NaN : Date.parse(deliverBefore);
  return new Date(Number.isNaN(deadline) ? ttlEnd : Math.min(deadline, ttlEnd));
}
