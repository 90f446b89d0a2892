import fc from 'fast-check';
import { DecodeError, encodeUintvar } from '@waken/wire';

/** reliability.md S3 budget for one decode. */
export const DECODE_BUDGET_MS = 50;

/**
 * The oracle: a value or a DecodeError, within the time budget; any other exception fails.
 * An over-budget case is timed once more, so a GC pause on a shared machine is not a failure
 * while an input that is really slow still is.
 */
export function valueOrDecodeError(decode: () => unknown): boolean {
  if (timed(decode) <= DECODE_BUDGET_MS) return true;
  const again = timed(decode);
  if (again > DECODE_BUDGET_MS) throw new Error(`decode took ${again.toFixed(1)} ms`);
  return true;
}

function timed(decode: () => unknown): number {
  const started = performance.now();
  try {
    decode();
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
  }
  return performance.now() - started;
}

type Edit =
  | { op: 'flip'; at: number; mask: number }
  | { op: 'set'; at: number; value: number }
  | { op: 'insert'; at: number; value: number }
  | { op: 'delete'; at: number }
  | { op: 'truncate'; at: number }
  | { op: 'uintvar'; at: number; value: number; width: number };

/** Values that break length fields: 0, max, max+1, 2^32-1, Length-quote, quote and flag octets. */
const NASTY = [0x00, 0x01, 0x1e, 0x1f, 0x20, 0x7f, 0x80, 0x81, 0xfe, 0xff];

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ op: fc.constant('set' as const), at: fc.nat(), value: fc.constantFrom(...NASTY) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), value: fc.constantFrom(...NASTY) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    op: fc.constant('uintvar' as const),
    at: fc.nat(),
    value: fc.constantFrom(0, 30, 31, 127, 128, 0x3fff, 0xffffffff),
    width: fc.integer({ min: 0, max: 7 }),
  }),
);

function apply(bytes: number[], e: Edit): number[] {
  const at = e.at % (bytes.length + 1);
  const out = [...bytes];
  if (e.op === 'flip' && at < out.length) out[at] ^= e.mask;
  if (e.op === 'set' && at < out.length) out[at] = e.value;
  if (e.op === 'insert') out.splice(at, 0, e.value);
  if (e.op === 'delete') out.splice(at, 1);
  if (e.op === 'truncate') out.length = at;
  // A length field rewritten as a uintvar, or padded with 0x80 continuation octets past 5 bytes.
  if (e.op === 'uintvar') out.splice(at, 1, ...Array<number>(e.width).fill(0x80), ...encodeUintvar(e.value));
  return out;
}

/** Mutations of valid samples (reliability.md "three input sources", source 2). */
export function mutationsOf(samples: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc
    .record({ sample: fc.constantFrom(...samples), edits: fc.array(edit, { minLength: 1, maxLength: 4 }) })
    .map(({ sample, edits }) => Uint8Array.from(edits.reduce(apply, [...sample])));
}
