/**
 * Per-PI quota (reliability.md S2): a token bucket per key, in memory, per instance. With N
 * instances behind a balancer a PI gets up to N × its quota; docs/push-intake.md says so.
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** 0 when a token was taken; otherwise milliseconds until one is available. */
  take(key: string, perSecond: number): number {
    const now = this.clock();
    const b = this.buckets.get(key) ?? { tokens: perSecond, at: now };
    b.tokens = Math.min(perSecond, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - b.tokens) / perSecond) * 1000);
  }
}
