import { DecodeError } from '@waken/wire';

/** reliability.md S3: the per-input time budget of a decoder. */
export const DECODE_BUDGET_MS = 50;

/**
 * The fuzzing oracle: `decode` returns a value or throws DecodeError, within the budget.
 * Any other exception propagates and fails the property. A pure decoder that overran once is
 * timed again, so a GC pause or first-call JIT does not count; an algorithmic blow-up repeats.
 */
export function decodesOrRejectsInTime(decode: (bytes: Uint8Array) => unknown, bytes: Uint8Array): boolean {
  const run = (): number => {
    const started = performance.now();
    try {
      decode(bytes);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
    }
    return performance.now() - started;
  };
  return run() <= DECODE_BUDGET_MS || run() <= DECODE_BUDGET_MS;
}
