// setTimeout takes at most 2^31-1 ms; a longer delay would fire at once (TimeoutOverflowWarning)
const MAX_TIMER_MS = 2 ** 31 - 1;

/** What `raceDeadline` saw first. */
export type DeadlineRace<T> = { settled: true; value: T } | { settled: false };

/**
 * Waits for `work` but not past `deadline` (the request's TTL): a transaction that is still open
 * then is abandoned, its late answer or rejection swallowed (no unhandled rejection).
 */
export async function raceDeadline<T>(work: Promise<T>, deadline: Date, now: () => number = Date.now): Promise<DeadlineRace<T>> {
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<DeadlineRace<T>>((resolve) => {
    const arm = () => {
      const left = deadline.getTime() - now();
      timer = left > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(() => resolve({ settled: false }), Math.max(0, left));
    };
    arm();
  });
  work.catch(() => undefined);
  try {
    return await Promise.race([work.then((value): DeadlineRace<T> => ({ settled: true, value })), expiry]);
  } finally {
    clearTimeout(timer);
  }
}
