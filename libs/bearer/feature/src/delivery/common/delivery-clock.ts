/** Time for the delivery machinery; unit specs pass a manual one. */
export interface DeliveryClock {
  now(): number;
  /** Resolves after `ms`, or early (with false) when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<boolean>;
}

export const systemClock: DeliveryClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<boolean>((resolve) => {
      if (signal.aborted) return resolve(false);
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve(true);
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        resolve(false);
      };
      signal.addEventListener('abort', onAbort, { once: true });
    }),
};
