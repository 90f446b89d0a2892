import { performance } from 'node:perf_hooks';

/** reliability.md S3: a value or the typed error, within 50 ms. */
export const FUZZ_TIME_BUDGET_MS = 50;

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * Runs `run`; any error other than `typed` fails the property, and so does a case that is
 * over budget twice in a row (once may be a GC pause or a busy CI machine, not the decoder).
 */
export function valueOrTypedError<T>(run: () => T, typed: ErrorClass): { value?: T; error?: Error } {
  const first = timed(run, typed);
  if (first.elapsed <= FUZZ_TIME_BUDGET_MS) return first.outcome;
  const second = timed(run, typed);
  if (second.elapsed > FUZZ_TIME_BUDGET_MS) throw new Error(`case took ${first.elapsed.toFixed(1)} then ${second.elapsed.toFixed(1)} ms`);
  return second.outcome;
}

function timed<T>(run: () => T, typed: ErrorClass): { elapsed: number; outcome: { value?: T; error?: Error } } {
  const started = performance.now();
  let outcome: { value?: T; error?: Error };
  try {
    outcome = { value: run() };
  } catch (e) {
    if (!(e instanceof typed)) throw e;
    outcome = { error: e };
  }
  return { elapsed: performance.now() - started, outcome };
}

/** SMPP_FUZZ_RUNS=1000000 for the nightly run; 10,000 per PR. */
export const FUZZ_RUNS = Number(process.env.SMPP_FUZZ_RUNS ?? 10_000);
