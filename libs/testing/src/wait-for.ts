/**
 * Polls `probe` until it returns a value other than undefined/false, or fails at the deadline
 * with the last state it saw. End-to-end tests wait with this, never with fixed sleeps.
 */
export async function waitFor<T>(
  probe: () => T | undefined | false | Promise<T | undefined | false>,
  opts: { timeoutMs?: number; intervalMs?: number; what?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (opts.timeoutMs ?? 20000);
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined && v !== false) return v as T;
      last = v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${opts.what ?? 'condition'}; last: ${last instanceof Error ? last.message : JSON.stringify(last)}`);
    }
    await new Promise((r) => setTimeout(r, opts.intervalMs ?? 50));
  }
}

/** Asserts that nothing happens during a window (used after the positive case has been seen). */
export async function stayFalse(probe: () => boolean, windowMs: number, what: string): Promise<void> {
  const end = Date.now() + windowMs;
  while (Date.now() < end) {
    if (probe()) throw new Error(`unexpected: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
