import { createHash, randomBytes } from 'node:crypto';

/**
 * A UUID-shaped id derived from a name (UUIDv5-like, SHA-256 based): the same input gives the
 * same id, so a stage that re-handles a redelivered record emits records with the same event-id.
 */
export function deterministicEventId(...parts: string[]): string {
  const h = createHash('sha256').update(parts.join('\u0000')).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** W3C trace context: keeps the trace id of the cause, new span id per record. */
export function childTraceparent(parent?: string): string {
  const traceId = /^00-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$/.exec(parent ?? '')?.[1] ?? randomBytes(16).toString('hex');
  return `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
}
