import fc from 'fast-check';
import { ByteReader, encodeUintvar } from '@waken/wire';
import { composeSir } from './sir-composer';
import { decodeSia, encodeSia } from './sia-codec';
import { ipv4ContactPoint } from './sia-contact-point';
import { contactPointArb, sirDocArb } from './test-support/sir-doc.arbitrary';
import { decodesOrRejectsInTime } from './test-support/decode-oracle';
import { context, request } from './test-support/sir-fixtures';

const decodes = (bytes: Uint8Array) => decodesOrRejectsInTime(decodeSia, bytes);
const VALID = encodeSia(composeSir(request(), context()), { contactPoints: [ipv4ContactPoint('192.0.2.1')] });

/** Offsets of the uintvar length fields in VALID: AppIdListLen, ContactPointsLen, extension length, each TLV length. */
function lengthFieldOffsets(bytes: Uint8Array): number[] {
  const r = new ByteReader(bytes);
  r.u8();
  const offsets = [r.offset];
  r.bytes(r.uintvar());
  offsets.push(r.offset);
  r.bytes(r.uintvar());
  r.bytes(3);
  offsets.push(r.offset);
  r.uintvar();
  while (!r.done) {
    r.u8();
    offsets.push(r.offset);
    r.bytes(r.uintvar());
  }
  return offsets;
}

/** Replace the (1-octet) length at `at` with the uintvar of `value`. */
function setLength(bytes: Uint8Array, at: number, value: number): Uint8Array {
  const width = bytes[at] & 0x80 ? 2 : 1;
  const out = new Uint8Array(bytes.length - width + 5);
  out.set(bytes.subarray(0, at));
  const encoded = encodeUintvar(value);
  out.set(encoded, at);
  out.set(bytes.subarray(at + width), at + encoded.length);
  return out.subarray(0, bytes.length - width + encoded.length);
}

// reliability.md S3: at least 10k fuzz cases per decoder per PR (4k raw + 3k prefixed + 3k mutated).
describe('decodeSia fuzzing (reliability.md S3)', () => {
  it('encode → decode is the identity for arbitrary valid documents and contact points', () => {
    fc.assert(
      fc.property(sirDocArb, fc.array(contactPointArb, { minLength: 1, maxLength: 4 }), (doc, contactPoints) => {
        const decoded = decodeSia(encodeSia(doc, { contactPoints }));
        expect(decoded.sir).toEqual(doc);
        expect(decoded.contactPoints).toEqual(contactPoints);
      }),
      { numRuns: 1000 },
    );
  });

  it('raw bytes: a value or DecodeError within 50 ms', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), decodes), { numRuns: 4000 });
  });

  it('raw bytes behind a valid SIA prefix reach the extension decoder', () => {
    const prefix = VALID.subarray(0, VALID.indexOf(0x57) + 3);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (tail) => decodes(Uint8Array.from([...prefix, ...tail]))),
      { numRuns: 3000 },
    );
  });

  it('byte flips, inserts and truncation of a valid SIA', () => {
    const edit = fc.tuple(fc.nat(VALID.length - 1), fc.integer({ min: 0, max: 255 }), fc.boolean());
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), fc.nat(VALID.length), (edits, cut) => {
        let bytes = Uint8Array.from(VALID);
        for (const [at, value, insert] of edits) {
          bytes = insert ? Uint8Array.from([...bytes.subarray(0, at), value, ...bytes.subarray(at)]) : bytes.map((b, i) => (i === at ? value : b));
        }
        return decodes(bytes) && decodes(bytes.subarray(0, cut));
      }),
      { numRuns: 3000 },
    );
  });

  it('every length field set to 0, max, max+1 and 0xFFFFFFFF', () => {
    const offsets = lengthFieldOffsets(VALID);
    expect(offsets.length).toBeGreaterThan(10);
    for (const at of offsets) {
      const max = VALID.length - at;
      for (const value of [0, max, max + 1, 0x7fffffff, 0xffffffff]) {
        expect(decodes(setLength(VALID, at, value))).toBe(true);
      }
    }
  });
});
