import fc from 'fast-check';
import { MultipartError } from './multipart-error';
import { parseMultipartRelated } from './multipart-related';
import { buildMultipartRelated } from './multipart-related-builder';
import { fuzzRuns, mutate, valueOrTypedError } from './testing/fuzz-oracle';

const RUNS = fuzzRuns(3500);
const BCHARS = "0123456789abcdefXYZ'()+_,-./:=? ".split('');
const boundaryArb = fc
  .array(fc.constantFrom(...BCHARS), { minLength: 1, maxLength: 70 })
  .map((cs) => cs.join(''))
  .filter((b) => !b.endsWith(' '));
const tokenArb = fc.stringMatching(/^[a-z][a-z0-9-]{0,15}$/);
const valueArb = fc.stringMatching(/^[\x21-\x7e]([\x20-\x7e]{0,30}[\x21-\x7e])?$/);
const partArb = fc.record({
  contentType: fc.constantFrom('text/plain', 'application/xml', 'text/vnd.wap.si', 'application/vnd.wap.sic'),
  headers: fc.dictionary(tokenArb.map((t) => `x-${t}`), valueArb, { maxKeys: 5 }),
  body: fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
});
const editArb = fc.array(fc.record({ kind: fc.nat(3), at: fc.nat(), byte: fc.nat(255) }), { minLength: 1, maxLength: 8 });

const SAMPLE = Buffer.from(
  '--asdf\r\nContent-Type: application/xml; charset=UTF-8\r\n\r\n<pap/>\r\n--asdf\r\nContent-Type: text/vnd.wap.si\r\n\r\n<si/>\r\n--asdf--\r\n',
);
const SAMPLE_CT = 'multipart/related; boundary=asdf; type="application/xml"';

describe('parseMultipartRelated fuzz (reliability.md S3)', () => {
  it('round-trips structured parts: build → parse → equal', () => {
    fc.assert(
      fc.property(fc.array(partArb, { minLength: 1, maxLength: 3 }), boundaryArb, (parts, boundary) => {
        const ascii = parts.map((p, i) => (i === 0 ? { ...p, body: Buffer.from(p.body.toString('latin1').replace(/[^ -~]/g, 'a')) } : p));
        fc.pre(ascii.every((p) => !p.body.includes(`--${boundary}`, 0, 'latin1')));
        const built = buildMultipartRelated(ascii, boundary);
        const parsed = parseMultipartRelated(built.body, built.contentType);
        expect(parsed.parts).toHaveLength(ascii.length);
        expect(parsed.parts.every((p, i) => p.body.equals(ascii[i].body))).toBe(true);
        parsed.parts.forEach((p, i) => {
          expect(p.mediaType).toBe(ascii[i].contentType);
          for (const [name, value] of Object.entries(ascii[i].headers)) expect(p.headers[name.toLowerCase()]).toBe(value);
        });
      }),
      RUNS,
    );
  });

  it('mutations of a valid submission give parts or MultipartError, fast', () => {
    fc.assert(
      fc.property(editArb, (edits) => {
        valueOrTypedError(() => parseMultipartRelated(mutate(SAMPLE, edits), SAMPLE_CT), MultipartError);
      }),
      RUNS,
    );
  });

  it('raw bytes and raw Content-Type values give parts or MultipartError, fast', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.string({ maxLength: 120 }), (bytes, ct) => {
        valueOrTypedError(() => parseMultipartRelated(Buffer.from(bytes), ct), MultipartError);
        valueOrTypedError(() => parseMultipartRelated(Buffer.from(bytes), 'multipart/related; boundary=a'), MultipartError);
      }),
      RUNS,
    );
  });

  it('stays fast on 1 MiB of near-delimiters', () => {
    const hostile = Buffer.from(`--a\r\n\r\n${'\n--ab'.repeat(200_000)}`).subarray(0, 1024 * 1024);
    const { error } = valueOrTypedError(() => parseMultipartRelated(hostile, 'multipart/related; boundary=a'), MultipartError);
    expect((error as MultipartError).reason).toBe('missing-closing-delimiter');
  });
});
