// Test helpers: poll with a deadline instead of sleeping (STYLE.md, Tests).

const STEP_MS = 10;

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once `check` is true; fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await tick(STEP_MS);
  }
}

/** Fails as soon as `check` turns false during the whole window (e.g. "nobody else got it"). */
export async function holdsFor(what: string, check: () => boolean, windowMs: number): Promise<void> {
  const end = Date.now() + windowMs;
  while (Date.now() < end) {
    if (!check()) throw new Error(`${what} stopped holding`);
    await tick(STEP_MS);
  }
  if (!check()) throw new Error(`${what} stopped holding`);
}
