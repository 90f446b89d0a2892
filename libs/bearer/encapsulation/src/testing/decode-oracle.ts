import fc from 'fast-check';

/** reliability.md S3: 10k cases per decoder per PR; FUZZ_RUNS=1000000 for the nightly run. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);
/** The oracle of every decoder's fuzz spec (reliability.md S3): a value or a DecodeError in 50 ms. */
export { valueOrDecodeError } from '@waken/testing';

const NASTY = [0x00, 0x01, 0x0d, 0x0a, 0x1e, 0x1f, 0x20, 0x7d, 0x7e, 0x7f, 0x80, 0x81, 0xfe, 0xff];

/** Mutations of valid samples: flips, nasty octets set or inserted, deletions, truncation (reliability.md source 2). */
export function mutationsOf(samples: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  const edit = fc.tuple(fc.constantFrom('flip', 'set', 'insert', 'delete', 'truncate'), fc.nat(), fc.integer({ min: 1, max: 255 }), fc.constantFrom(...NASTY));
  return fc.record({ sample: fc.constantFrom(...samples), edits: fc.array(edit, { minLength: 1, maxLength: 4 }) }).map(({ sample, edits }) => {
    const out = [...sample];
    for (const [op, pos, mask, value] of edits) {
      const at = pos % (out.length + 1);
      if (op === 'flip' && at < out.length) out[at] ^= mask;
      if (op === 'set' && at < out.length) out[at] = value;
      if (op === 'insert') out.splice(at, 0, value);
      if (op === 'delete') out.splice(at, 1);
      if (op === 'truncate') out.length = at;
    }
    return Uint8Array.from(out);
  });
}
