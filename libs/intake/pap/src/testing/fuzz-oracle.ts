import { performance } from 'node:perf_hooks';

/** reliability.md S3: every case finishes well inside this budget. */
export const FUZZ_TIME_BUDGET_MS = 50;

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * The fuzzing oracle (reliability.md S3): `run` returns a value or throws one of the typed
 * errors, within the time budget. Any other exception, or a slow case, fails the property.
 * A slow case is timed twice more and judged by its fastest run: a hostile input is slow
 * every time, a garbage-collection pause is not.
 */
export function valueOrTypedError<T>(run: () => T, ...typed: ErrorClass[]): { value?: T; error?: Error } {
  let fastest = Number.POSITIVE_INFINITY;
  let outcome: { value?: T; error?: Error } = {};
  for (let attempt = 0; attempt < 3 && fastest > FUZZ_TIME_BUDGET_MS; attempt++) {
    const started = performance.now();
    outcome = attemptOnce(run, typed);
    fastest = Math.min(fastest, performance.now() - started);
  }
  if (fastest > FUZZ_TIME_BUDGET_MS) throw new Error(`case took ${fastest.toFixed(1)} ms`);
  return outcome;
}

function attemptOnce<T>(run: () => T, typed: ErrorClass[]): { value?: T; error?: Error } {
  try {
    return { value: run() };
  } catch (e) {
    if (!typed.some((cls) => e instanceof cls)) throw e;
    return { error: e as Error };
  }
}

/** Byte-level mutations of a valid sample (reliability.md: flips, inserts, truncation). */
export function mutate(sample: Buffer, edits: readonly { kind: number; at: number; byte: number }[]): Buffer {
  let out = Buffer.from(sample);
  for (const { kind, at, byte } of edits) {
    const pos = out.length === 0 ? 0 : at % out.length;
    if (kind === 0) out[pos] ^= byte || 1;
    else if (kind === 1) out = Buffer.concat([out.subarray(0, pos), Buffer.from([byte]), out.subarray(pos)]);
    else if (kind === 2) out = out.subarray(0, pos);
    else out = Buffer.concat([out.subarray(0, pos), out.subarray(pos + 1)]);
  }
  return out;
}

/** fast-check runs per property: the PR default, or FUZZ_RUNS for the nightly 1M (reliability.md S3). */
export function fuzzRuns(prDefault: number): { numRuns: number } {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return { numRuns: Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : prDefault };
}
