import fc from 'fast-check';
import type { SirDocument } from '@waken/contracts';
import { DecodeError } from '@waken/wire';
import { composeSir } from './sir-composer';
import { SirFormatError } from './sir-format.error';
import { decodeSirJson, encodeSirJson, MAX_SIR_JSON_BYTES, SIR_JSON_MEDIA_TYPE } from './sir-json-codec';
import { context, request } from './test-support/sir-fixtures';
import { sirDocArb } from './test-support/sir-doc.arbitrary';
import { decodesOrRejectsInTime } from './test-support/decode-oracle';

const enc = (text: string) => new TextEncoder().encode(text);

const decodesOrRejects = (bytes: Uint8Array) => decodesOrRejectsInTime(decodeSirJson, bytes);

describe('SIR JSON codec (application/vnd.waken.sir+json)', () => {
  const doc = composeSir(request(), context());

  it('encodes canonically (sorted keys) and decodes back', () => {
    const bytes = encodeSirJson(doc);
    const text = new TextDecoder().decode(bytes);
    expect(text.startsWith('{"applicationId":')).toBe(true);
    expect(decodeSirJson(bytes)).toEqual(doc);
    expect(SIR_JSON_MEDIA_TYPE).toBe('application/vnd.waken.sir+json');
  });

  it('refuses to encode an invalid document', () => {
    expect(() => encodeSirJson({ ...doc, nonce: '' })).toThrow(SirFormatError);
    expect(() => encodeSirJson({ ...doc, ppgAddress: 'a\uD800' })).toThrow(/surrogate/);
  });

  it.each([
    ['not JSON', '{'],
    ['an array', '[]'],
    ['an unknown member', JSON.stringify({ ...doc, trusted: true })],
    ['a prototype-pollution member', JSON.stringify(doc).replace('{', '{"__proto__":{"admin":true},')],
    ['a wrong type', JSON.stringify({ ...doc, v: 2 })],
    ['a lone surrogate', JSON.stringify(doc).replace('"sip:ppg', '"\\ud800sip:ppg')],
    ['a bad timestamp', JSON.stringify({ ...doc, issuedAt: '2026-13-45T99:00:00Z' })],
  ])('rejects %s with DecodeError', (_label, text) => {
    expect(() => decodeSirJson(enc(text))).toThrow(DecodeError);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
  });

  it('rejects oversized input before parsing and invalid UTF-8', () => {
    expect(() => decodeSirJson(new Uint8Array(MAX_SIR_JSON_BYTES + 1).fill(0x20))).toThrow(/larger than/);
    expect(() => decodeSirJson(Uint8Array.of(0x7b, 0xc3, 0x28, 0x7d))).toThrow(/UTF-8/);
  });

  it('round-trips arbitrary valid documents', () => {
    fc.assert(fc.property(sirDocArb, (d: SirDocument) => expect(decodeSirJson(encodeSirJson(d))).toEqual(d)), { numRuns: 500 });
  });

  it('fuzz: raw bytes give a document or DecodeError within 50 ms', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 512 }), decodesOrRejects), { numRuns: 5000 });
  });

  it('fuzz: mutated valid documents give a document or DecodeError within 50 ms', () => {
    const valid = encodeSirJson(doc);
    const mutation = fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 });
    fc.assert(
      fc.property(mutation, fc.nat(valid.length), (edits, cut) => {
        const bytes = Uint8Array.from(valid);
        for (const [at, value] of edits) bytes[at] = value;
        return decodesOrRejects(bytes) && decodesOrRejects(bytes.subarray(0, cut));
      }),
      { numRuns: 5000 }, // with the raw case: 10k fuzz cases per PR (reliability.md S3)
    );
  });
});
