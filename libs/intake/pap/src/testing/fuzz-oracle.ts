import { performance } from 'node:perf_hooks';

/** reliability.md S3: every case finishes well inside this budget. */
export const FUZZ_TIME_BUDGET_MS = 50;

type ErrorClass = abstract new (...args: never[]) => Error;

/**
 * The fuzzing oracle (reliability.md S3): `run` returns a value or throws one of the typed
 * errors, within the time budget. Any other exception, or a slow case, fails the property.
 */
export function valueOrTypedError<T>(run: () => T, ...typed: ErrorClass[]): { value?: T; error?: Error } {
  const started = performance.now();
  let outcome: { value?: T; error?: Error };
  try {
    outcome = { value: run() };
  } catch (e) {
    if (!typed.some((cls) => e instanceof cls)) throw e;
    outcome = { error: e as Error };
  }
  const elapsed = performance.now() - started;
  if (elapsed > FUZZ_TIME_BUDGET_MS) throw new Error(`case took ${elapsed.toFixed(1)} ms`);
  return outcome;
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
