import fc from 'fast-check';
import { fromHex } from '@waken/wire';
import { decodeWspPush, encodeWspPush, type WspHeader, type WspPush } from './index';
import { mutationsOf, valueOrDecodeError } from '@waken/testing';

const text = fc.string({ unit: fc.constantFrom('a', 'Z', '9', ' ', '"', '/', ':', ';', '=', 'é', '€', '😀', '\u0080'), maxLength: 16 });
const token = fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/);
const knownTypes = ['application/vnd.wap.sic', 'application/vnd.wap.slc', 'application/vnd.wap.coc', 'application/vnd.wap.sia', 'text/plain', 'text/x-vCard'];

const contentType = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...knownTypes), token.map((t) => `application/x-${t}`)),
    params: fc.dictionary(
      token.filter((t) => t !== 'charset'),
      fc.oneof(text, fc.integer({ min: 0, max: 0xffffffff })),
      { minKeys: 1, maxKeys: 3 },
    ),
    charset: fc.option(fc.constantFrom('utf-8', 'us-ascii', 'iso-8859-1', 'utf-16', 'big5')),
  },
  { requiredKeys: ['type'] },
).map(({ type, params, charset }) => {
  const all = { ...(charset ? { charset } : {}), ...params };
  return Object.keys(all).length > 0 ? { type, params: all } : { type };
});

const header: fc.Arbitrary<WspHeader> = fc.oneof(
  fc.record({ name: fc.constant('Push-Flag'), value: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ name: fc.constantFrom('X-Wap-Initiator-URI', 'X-Wap-Content-URI'), value: text.map((t) => `http://h/${t}`) }),
  fc.record({ name: fc.constant('Encoding-Version'), value: fc.constantFrom('1.2', '1.3', '1') }),
  fc.record({ name: fc.constant('Bearer-Indication'), value: fc.integer({ min: 0, max: 0xffffffff }) }),
  fc.record({ name: fc.constant('Age'), value: fc.uint8Array({ minLength: 1, maxLength: 40 }) }),
  fc.record({ name: token.map((t) => `X-Test-${t}`), value: text }),
);

const push: fc.Arbitrary<WspPush> = fc.record(
  {
    tid: fc.integer({ min: 0, max: 255 }),
    pduType: fc.constantFrom('push' as const, 'confirmed-push' as const),
    contentType,
    applicationId: fc.oneof(
      fc.constantFrom('x-wap-application:push.sia', 'x-wap-application:wml.ua', 'x-oma-application:ulp.ua'),
      fc.integer({ min: 0x8000, max: 0xffffffff }),
      token.map((t) => `urn:x-app:${t}`),
    ),
    headers: fc.array(header, { maxLength: 5 }),
    body: fc.uint8Array({ maxLength: 300 }),
  },
  { requiredKeys: ['tid', 'pduType', 'contentType', 'headers', 'body'] },
);

const SAMPLES = [
  fromHex('010603aeaf82 02056a0045c60d036578616d706c6500880301'),
  fromHex('01060603ae81eaaf82 02066a00850c0365786100850601'),
  fromHex('020603b4af81 0002af8208c40023f1c0000201'),
  encodeWspPush({
    tid: 7,
    pduType: 'confirmed-push',
    contentType: { type: 'application/x-long-type-name-for-the-fuzzer', params: { name: 'x y' } },
    applicationId: 0x904b,
    headers: [{ name: 'Push-Flag', value: 1 }, { name: 'X-Wap-Initiator-URI', value: 'http://pi' }, { name: 'X-A', value: 'b' }],
    body: Uint8Array.of(1, 2, 3),
  }),
];

describe('decodeWspPush fuzz (reliability.md S3, three sources)', () => {
  it('structured → encode → decode gives the same push', () => {
    fc.assert(
      fc.property(push, (p) => {
        expect(decodeWspPush(encodeWspPush(p))).toEqual({ ...p, headers: p.headers ?? [] });
      }),
      { numRuns: 3000 },
    );
  });

  it('mutated valid PDUs (flips, truncation, uintvar > 5 octets, lengths 0/max/max+1/2^32-1)', () => {
    fc.assert(fc.property(mutationsOf(SAMPLES), (bytes) => valueOrDecodeError(() => decodeWspPush(bytes))), { numRuns: 5000 });
  });

  it('raw bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => valueOrDecodeError(() => decodeWspPush(bytes))), { numRuns: 5000 });
  });
});
