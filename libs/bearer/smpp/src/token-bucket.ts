/**
 * Throughput cap per bind: `ratePerSecond` tokens a second, at most `burst` saved up.
 * SMSC contracts state a messages-per-second limit; exceeding it earns ESME_RTHROTTLED.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly ratePerSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError(`rate must be positive: ${ratePerSecond}`);
    if (!(burst >= 1)) throw new RangeError(`burst must be at least 1: ${burst}`);
    this.tokens = burst;
    this.last = now;
  }

  /** Takes a token and returns 0, or returns how many ms until one is available. */
  take(now: number): number {
    if (this.ratePerSecond === Infinity) return 0;
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.ratePerSecond) / 1000);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    // The epsilon keeps float residue (0.98 tokens = 0.9800000000000001) from adding a millisecond.
    return Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / this.ratePerSecond - 1e-9));
  }
}
