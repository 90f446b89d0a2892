interface Entry {
  key: string;
  expiresAtMs: number;
}

/**
 * Remembers SIR nonces and ids until the SIR expires (reliability.md S4: a replayed nonce is
 * rejected). Bounded: at capacity it first drops what has expired, then the entry that expires
 * soonest, whose replay window is the shortest. Size it to (SIRs per second × TTL) to keep that
 * fallback rare. A min-heap on expiry keeps every operation O(log n).
 */
export class ReplayCache {
  private readonly expiries = new Map<string, number>();
  private readonly heap: Entry[] = [];

  constructor(readonly capacity = 10_000) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`bad replay cache capacity ${capacity}`);
  }

  get size(): number {
    return this.expiries.size;
  }

  has(key: string, nowMs: number): boolean {
    const expiry = this.expiries.get(key);
    return expiry !== undefined && expiry > nowMs;
  }

  /**
   * True when none of `keys` has been seen (and all are now remembered until `expiresAtMs`);
   * false when any was seen before, which is a replay; nothing is remembered then.
   */
  checkAndRemember(keys: readonly string[], expiresAtMs: number, nowMs: number): boolean {
    if (keys.some((k) => this.has(k, nowMs))) return false;
    this.purgeExpired(nowMs);
    for (const key of keys) this.remember(key, expiresAtMs);
    return true;
  }

  private remember(key: string, expiresAtMs: number): void {
    while (this.expiries.size >= this.capacity) this.evictSoonest();
    this.expiries.set(key, expiresAtMs);
    this.push({ key, expiresAtMs });
  }

  private purgeExpired(nowMs: number): void {
    while (this.heap.length > 0 && this.heap[0].expiresAtMs <= nowMs) this.evictSoonest();
  }

  private evictSoonest(): void {
    const top = this.pop();
    // A key re-remembered after expiry has a newer heap entry; drop only the matching one.
    if (top && this.expiries.get(top.key) === top.expiresAtMs) this.expiries.delete(top.key);
  }

  private push(entry: Entry): void {
    const h = this.heap;
    h.push(entry);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent].expiresAtMs <= h[i].expiresAtMs) break;
      [h[parent], h[i]] = [h[i], h[parent]];
      i = parent;
    }
  }

  private pop(): Entry | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length === 0 || last === undefined) return top;
    h[0] = last;
    this.siftDown(0);
    return top;
  }

  private siftDown(start: number): void {
    const h = this.heap;
    let i = start;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l].expiresAtMs < h[m].expiresAtMs) m = l;
      if (r < h.length && h[r].expiresAtMs < h[m].expiresAtMs) m = r;
      if (m === i) return;
      [h[m], h[i]] = [h[i], h[m]];
      i = m;
    }
  }
}
