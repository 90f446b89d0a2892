import fc from 'fast-check';
import { DecodeError, encodeUintvar } from '@waken/wire';
import { SirReceiveError } from '../receive/sir-receive.error';

/** Test-only fuzzing support (reliability.md S3): the oracle and byte mutations of valid samples. */
export const DECODE_BUDGET_MS = 50;
/** 10k cases per decoder per PR; FUZZ_RUNS raises it for the nightly run. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

/** A value or one of our typed errors, within the budget (timed twice: a GC pause is not a failure). */
export function valueOrTypedError(decode: () => unknown): boolean {
  const run = (): number => {
    const started = performance.now();
    try {
      decode();
    } catch (e) {
      if (!(e instanceof SirReceiveError) && !(e instanceof DecodeError)) throw e;
    }
    return performance.now() - started;
  };
  if (run() <= DECODE_BUDGET_MS) return true;
  const again = run();
  if (again > DECODE_BUDGET_MS) throw new Error(`decode took ${again.toFixed(1)} ms`);
  return true;
}

type Edit = { op: 'flip' | 'set' | 'insert' | 'delete' | 'truncate' | 'length'; at: number; value: number };

/** Octets and lengths that break length fields: 0, max, max+1, 2^32-1. */
const NASTY = [0x00, 0x01, 0x1f, 0x7f, 0x80, 0xff];
const LENGTHS = [0, 127, 128, 0x3fff, 0xffffffff];

const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('flip', 'set', 'insert', 'delete', 'truncate', 'length'),
  at: fc.nat(),
  value: fc.nat({ max: 255 }),
});

function apply(bytes: number[], e: Edit): number[] {
  const at = e.at % (bytes.length + 1);
  const out = [...bytes];
  if (e.op === 'flip' && at < out.length) out[at] ^= e.value | 1;
  if (e.op === 'set' && at < out.length) out[at] = NASTY[e.value % NASTY.length];
  if (e.op === 'insert') out.splice(at, 0, NASTY[e.value % NASTY.length]);
  if (e.op === 'delete') out.splice(at, 1);
  if (e.op === 'truncate') out.length = at;
  if (e.op === 'length') out.splice(at, 1, ...encodeUintvar(LENGTHS[e.value % LENGTHS.length]));
  return out;
}

export function mutationsOf(samples: readonly Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc
    .record({ sample: fc.constantFrom(...samples), edits: fc.array(edit, { minLength: 1, maxLength: 4 }) })
    .map(({ sample, edits }) => Uint8Array.from(edits.reduce(apply, [...sample])));
}
