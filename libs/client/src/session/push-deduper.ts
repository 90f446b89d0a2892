/**
 * The pushes a client has acknowledged (docs/push-session.md): a NOTIFY redelivered after a PPG
 * crash between "200 received" and "marked delivered" must not reach the application twice.
 * Bounded: the oldest ids go first (a redelivery follows its original within one session restart).
 */
export class PushDeduper {
  private readonly seen = new Set<string>();

  constructor(readonly capacity = 10_000) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`bad deduper capacity ${capacity}`);
  }

  get size(): number {
    return this.seen.size;
  }

  has(pushId: string, recipientIndex: number): boolean {
    return this.seen.has(keyOf(pushId, recipientIndex));
  }

  /** Remembers an acknowledged push; true when it was new. */
  remember(pushId: string, recipientIndex: number): boolean {
    const key = keyOf(pushId, recipientIndex);
    if (this.seen.has(key)) return false;
    if (this.seen.size >= this.capacity) {
      const oldest = this.seen.values().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    this.seen.add(key);
    return true;
  }
}

function keyOf(pushId: string, recipientIndex: number): string {
  return `${recipientIndex}\u0000${pushId}`;
}
