import fc from 'fast-check';
import { SmppDecodeError } from './smpp-decode-error';
import { SmppPduCodec } from './smpp-pdu-codec';
import { SmppStreamFramer } from './smpp-stream-framer';
import { FUZZ_RUNS, valueOrTypedError } from './test-support/fuzz-oracle';
import { LENGTH_EXTREMES, smppPduArbitrary } from './test-support/smpp-arbitraries';

// reliability.md S3: the three input sources, with the oracle "a value or SmppDecodeError within 50 ms".

type Mutation =
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'insert'; at: number; byte: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'set32'; at: number; value: number }
  | { kind: 'set16'; at: number; value: number };

const extreme = fc.constantFrom(...LENGTH_EXTREMES);
const at = fc.nat();
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at, mask: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at, byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), at }),
  fc.record({ kind: fc.constant('set32' as const), at: fc.oneof(fc.constant(0), at), value: extreme }),
  fc.record({ kind: fc.constant('set16' as const), at, value: extreme.map((v) => v & 0xffff) }),
);

function apply(sample: Uint8Array, m: Mutation): Uint8Array {
  const out = Buffer.from(sample);
  const pos = out.length === 0 ? 0 : m.at % out.length;
  switch (m.kind) {
    case 'flip':
      out[pos] ^= m.mask;
      return out;
    case 'insert':
      return Buffer.concat([out.subarray(0, pos), Buffer.from([m.byte]), out.subarray(pos)]);
    case 'truncate':
      return out.subarray(0, pos);
    case 'set32':
      if (pos + 4 <= out.length) out.writeUInt32BE(m.value >>> 0, pos);
      return out;
    case 'set16':
      if (pos + 2 <= out.length) out.writeUInt16BE(m.value, pos);
      return out;
  }
}

function decodeAndFrame(bytes: Uint8Array): void {
  valueOrTypedError(() => SmppPduCodec.decode(bytes), SmppDecodeError);
  valueOrTypedError(() => new SmppStreamFramer().push(bytes).map((f) => SmppPduCodec.decode(f)), SmppDecodeError);
}

describe('SmppPduCodec fuzz', () => {
  it('round-trips every structured PDU', () => {
    fc.assert(
      fc.property(smppPduArbitrary, (pdu) => {
        expect(SmppPduCodec.decode(SmppPduCodec.encode(pdu))).toEqual(pdu);
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers mutated valid PDUs with a value or SmppDecodeError', () => {
    fc.assert(
      fc.property(smppPduArbitrary, fc.array(mutation, { minLength: 1, maxLength: 4 }), (pdu, mutations) => {
        decodeAndFrame(mutations.reduce(apply, SmppPduCodec.encode(pdu)));
      }),
      { numRuns: FUZZ_RUNS },
    );
  });

  it('answers raw bytes, with and without a well-formed header, with a value or SmppDecodeError', () => {
    const knownIds = [0x80000000, 1, 0x80000001, 2, 0x80000002, 4, 0x80000004, 5, 0x80000005, 6, 0x80000006, 9, 0x80000009, 0x15, 0x80000015];
    const framed = fc.tuple(fc.constantFrom(...knownIds), fc.uint8Array({ maxLength: 300 })).map(([id, body]) => {
      const out = Buffer.alloc(16 + body.length);
      out.writeUInt32BE(out.length, 0);
      out.writeUInt32BE(id, 4);
      out.set(body, 16);
      return out;
    });
    fc.assert(fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), framed), decodeAndFrame), { numRuns: FUZZ_RUNS });
  });
});
