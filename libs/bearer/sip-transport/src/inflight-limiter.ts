import { SipTransportError } from './sip-transport-error';

/**
 * At most `max` client transactions outstanding; later callers wait in FIFO order, and
 * beyond `maxWaiting` they are refused (bounded queues, reliability.md R9). This is the
 * backpressure delivery-sip batches against.
 */
export class InflightLimiter {
  private active = 0;
  private readonly waiting: Array<{ resolve: () => void; reject: (e: Error) => void }> = [];

  constructor(
    private readonly max: number,
    private readonly maxWaiting: number,
  ) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError(`inflight limit must be >= 1: ${max}`);
  }

  get inflight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiting.length;
  }

  async acquire(): Promise<void> {
    if (this.active < this.max) {
      this.active += 1;
      return;
    }
    if (this.waiting.length >= this.maxWaiting) throw new SipTransportError('overload', 'too many requests waiting');
    await new Promise<void>((resolve, reject) => this.waiting.push({ resolve, reject }));
  }

  /** Hands the slot to the next waiter, if any (so `active` does not change then). */
  release(): void {
    const next = this.waiting.shift();
    if (next) next.resolve();
    else this.active = Math.max(0, this.active - 1);
  }

  rejectAll(error: Error): void {
    for (const w of this.waiting.splice(0)) w.reject(error);
  }
}
