/** Progress lines on stderr ("[  42.1s] pipeline: ..."), so a 15-minute run never looks hung. */
export class Progress {
  private readonly started = performance.now();

  line(phase: string, message: string): void {
    const s = ((performance.now() - this.started) / 1000).toFixed(1).padStart(6);
    console.warn(`[${s}s] ${phase}: ${message}`);
  }

  /** Calls `describe` every `ms` and prints what it returns; the returned function stops it. */
  every(ms: number, phase: string, describe: () => string): () => void {
    const timer = setInterval(() => this.line(phase, describe()), ms);
    return () => clearInterval(timer);
  }

  get elapsedS(): number {
    return (performance.now() - this.started) / 1000;
  }
}

/** Epoch milliseconds with sub-millisecond resolution, comparable across processes of one machine. */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Resolves after `ms`; only for pacing a measurement window, never to wait for a result. */
export function windowElapse(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Polls `probe` until true or the deadline; returns whether it became true (the bench reports, it does not throw). */
export async function pollUntil(probe: () => boolean | Promise<boolean>, timeoutMs: number, intervalMs = 100): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return true;
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
