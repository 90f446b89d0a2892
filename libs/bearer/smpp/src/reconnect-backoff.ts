/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so a fleet
 * of clients that lost the same SMSC does not reconnect in lockstep (reliability.md R4).
 */
export class ReconnectBackoff {
  private attempt = 0;

  constructor(
    private readonly initialMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const base = Math.min(this.maxMs, this.initialMs * 2 ** Math.min(this.attempt, 30));
    this.attempt += 1;
    return Math.round(base / 2 + (this.random() * base) / 2);
  }

  reset(): void {
    this.attempt = 0;
  }
}
