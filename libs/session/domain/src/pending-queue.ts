import { PendingPush, isPastDeliverBefore, pendingKeyOf } from './pending-push';

/**
 * How a NOTIFY ended for the queue: delivered (200), skipped (any other answer: it stays pending
 * in the store for the next session, docs/push-session.md), retry (the dialog it went on is gone,
 * the session that replaced it sends it again).
 */
export type Settlement = 'delivered' | 'skipped' | 'retry';

export interface TakeResult {
  send: PendingPush[];
  /** past deliver-before: dropped, never sent */
  expired: PendingPush[];
}

/**
 * The pushes one connected client is still to receive, in the order they became pending (by
 * `seq`), with at most `maxInflight` NOTIFYs outstanding. A push is sent at most once per queue:
 * whatever was delivered or skipped here is not taken again, however often it is re-added (the
 * store's load at session start and the live path of seed §S10 may both offer it).
 */
export class PendingQueue {
  private queued: PendingPush[] = [];
  private readonly inflight = new Map<string, PendingPush>();
  private readonly settled = new Set<string>();

  constructor(readonly maxInflight: number) {
    if (!Number.isInteger(maxInflight) || maxInflight < 1) throw new RangeError(`maxInflight ${maxInflight}`);
  }

  get inflightCount(): number {
    return this.inflight.size;
  }

  get queuedCount(): number {
    return this.queued.length;
  }

  /** Adds the pushes not already queued, in flight or settled here; returns how many were added. */
  add(pushes: readonly PendingPush[]): number {
    let added = 0;
    for (const push of pushes) {
      const key = pendingKeyOf(push);
      if (this.settled.has(key) || this.inflight.has(key) || this.queued.some((q) => pendingKeyOf(q) === key)) continue;
      this.insertInOrder(push);
      added += 1;
    }
    return added;
  }

  /** The next pushes to send (at most `budget`, within maxInflight); they count as in flight. */
  take(nowMs: number, budget = Number.MAX_SAFE_INTEGER): TakeResult {
    const result: TakeResult = { send: [], expired: [] };
    while (this.queued.length > 0 && result.send.length < budget && this.inflight.size < this.maxInflight) {
      const push = this.queued.shift() as PendingPush;
      const key = pendingKeyOf(push);
      if (isPastDeliverBefore(push, nowMs)) {
        this.settled.add(key);
        result.expired.push(push);
      } else {
        this.inflight.set(key, push);
        result.send.push(push);
      }
    }
    return result;
  }

  /** Ends the NOTIFY of an in-flight push; a key not in flight is ignored. */
  settle(key: string, how: Settlement): void {
    const push = this.inflight.get(key);
    if (!push) return;
    this.inflight.delete(key);
    if (how === 'retry') this.insertInOrder(push);
    else this.settled.add(key);
  }

  /** Removes queued pushes (not those in flight) that match, e.g. a cancelled push id. */
  withdraw(match: (push: PendingPush) => boolean): PendingPush[] {
    const gone = this.queued.filter(match);
    this.queued = this.queued.filter((p) => !match(p));
    for (const push of gone) this.settled.add(pendingKeyOf(push));
    return gone;
  }

  private insertInOrder(push: PendingPush): void {
    let lo = 0;
    let hi = this.queued.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.queued[mid].seq <= push.seq) lo = mid + 1;
      else hi = mid;
    }
    this.queued.splice(lo, 0, push);
  }
}
