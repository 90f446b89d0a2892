import fc from 'fast-check';
import { SAMPLES } from './testing/sip-samples.fixture';
import { parseSipMessage } from './sip-message-parser';
import { serializeSipMessage } from './sip-message-serializer';
import { SipParseError } from './sip-parse-error';
import { SipStreamFramer } from './sip-stream-framer';
import { buildRequest } from './sip-request-builder';
import { buildResponse } from './sip-response-builder';
import { formatNameAddr, parseNameAddr } from './sip-name-addr';
import { formatSipUri, parseSipUri } from './sip-uri';
import { formatVia, parseVia } from './sip-via';
import { hasControlChar } from './sip-text';

// reliability.md S3 oracle: a value or SipParseError, within 50 ms, never another exception.
// A case over budget is re-run once, so a GC pause on a loaded box does not fail the
// suite while a real blow-up (slow on every run) still does.
const BUDGET_MS = 50;

function timed(run: () => void): number {
  const started = performance.now();
  try {
    run();
  } catch (e) {
    if (!(e instanceof SipParseError)) throw e;
  }
  return performance.now() - started;
}

function oracle(run: () => void): boolean {
  if (timed(run) > BUDGET_MS && timed(run) > BUDGET_MS) throw new Error(`over ${BUDGET_MS} ms twice`);
  return true;
}

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const LENGTHS = ['0', '65535', '65536', '65537', '4294967295', '-1', '', '5, 5', '5\r\nContent-Length: 5'];

const mutation = fc.record({
  sample: fc.constantFrom(...SAMPLES.map(enc)),
  flips: fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { maxLength: 6 }),
  cut: fc.option(fc.nat()),
  length: fc.option(fc.constantFrom(...LENGTHS)),
});

function mutate(m: { sample: Uint8Array; flips: { at: number; value: number }[]; cut: number | null; length: string | null }): Uint8Array {
  let bytes = m.sample;
  if (m.length !== null) {
    const text = new TextDecoder().decode(bytes).replace(/^(Content-Length|l): .*$/m, `Content-Length: ${m.length}`);
    bytes = enc(text);
  } else bytes = bytes.slice();
  for (const { at, value } of m.flips) bytes[at % bytes.length] = value;
  return m.cut === null ? bytes : bytes.subarray(0, m.cut % (bytes.length + 1));
}

const token = fc.stringMatching(/^[A-Za-z0-9\-.!%*_+`'~]{1,12}$/);
const host = fc.oneof(fc.constantFrom('example.com', '127.0.0.1', '[2001:db8::1]'), fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/));
const user = fc.stringMatching(/^[A-Za-z0-9\-_.!~*'()&=+$,%]{1,12}$/);
const param = fc.record({ name: token, value: fc.option(fc.oneof(token, fc.constant('"quoted;value, with <stuff>"'))) });
const uriParam = fc.record({ name: fc.stringMatching(/^[a-z+.-]{1,8}$/), value: fc.option(fc.stringMatching(/^[A-Za-z0-9:.-]{1,20}$/)) });
const sipUri = fc.record(
  { scheme: fc.constantFrom('sip' as const, 'sips' as const), user, host, port: fc.integer({ min: 1, max: 65535 }), params: fc.array(uriParam, { maxLength: 3 }) },
  { requiredKeys: ['scheme', 'host', 'params'] },
);
const text = fc
  .oneof(fc.string({ maxLength: 30 }), fc.string({ unit: 'grapheme', maxLength: 30 }))
  .filter((s) => !hasControlChar(s));
const nameAddr = fc.record(
  { displayName: text, uri: sipUri.map(formatSipUri), params: fc.array(param, { maxLength: 3 }) },
  { requiredKeys: ['uri', 'params'] },
);
const headerValue = text.map((s) => s.replace(/^[ \t]+|[ \t]+$/g, ''));
const extra = fc.oneof(
  fc.record({ name: token.map((t) => `X-${t}`), value: headerValue }),
  fc.record({ name: fc.constantFrom('Supported', 'Require', 'Allow'), value: token }),
  fc.record({ name: fc.constantFrom('Subject', 'Expires', 'User-Agent'), value: headerValue }),
);
const request = fc.record({
  method: token, requestUri: sipUri.map(formatSipUri), from: nameAddr.map(formatNameAddr), to: nameAddr.map(formatNameAddr),
  callId: fc.stringMatching(/^[A-Za-z0-9.@-]{1,30}$/), cseq: fc.integer({ min: 0, max: 0x7fffffff }),
  via: fc.array(fc.record({ transport: fc.constantFrom('UDP', 'TCP'), host, params: fc.array(param, { maxLength: 3 }) }).map(formatVia), { minLength: 1, maxLength: 4 }),
  headers: fc.array(extra, { maxLength: 8 }), body: fc.uint8Array({ maxLength: 200 }),
}).map((r) => buildRequest({ ...r, contentType: r.body.length > 0 ? 'application/octet-stream' : undefined }));

describe('SIP codec fuzz (reliability.md S3)', () => {
  it('raw bytes give a message or SipParseError in bounded time', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => oracle(() => parseSipMessage(b))), { numRuns: 5000 });
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => oracle(() => parseSipMessage(s))), { numRuns: 2000 });
  });

  it('mutated valid messages (flips, truncation, Content-Length 0/max/max+1/0xFFFFFFFF) obey the oracle', () => {
    fc.assert(fc.property(mutation, (m) => oracle(() => parseSipMessage(mutate(m)))), { numRuns: 10000 });
  });

  it('the stream framer, fed mutated streams in random chunks, obeys the oracle', () => {
    const chunks = fc.tuple(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.array(fc.integer({ min: 1, max: 64 }), { minLength: 1 }));
    fc.assert(
      fc.property(chunks, ([ms, sizes]) => {
        const all = Buffer.concat(ms.map(mutate));
        const framer = new SipStreamFramer();
        return oracle(() => {
          for (let at = 0, i = 0; at < all.length; at += sizes[i++ % sizes.length]) {
            for (const f of framer.push(all.subarray(at, at + sizes[i % sizes.length]))) if (f.kind === 'message') parseSipMessage(f.bytes);
          }
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('URI, name-addr and Via parsers obey the oracle on arbitrary text', () => {
    const input = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('sip:a@b;gr', '"x" <sip:a@b>;tag=1', 'SIP/2.0/UDP h;branch=z9hG4bK'));
    fc.assert(fc.property(input, (s) => oracle(() => [parseSipUri, parseNameAddr, parseVia].forEach((p) => p(s)))), { numRuns: 5000 });
  });

  it('round-trip: built requests and their responses serialize and parse back equal', () => {
    fc.assert(
      fc.property(request, fc.integer({ min: 100, max: 699 }), text, (req, status, reason) => {
        expect(parseSipMessage(serializeSipMessage(req))).toEqual(req);
        const res = buildResponse(req, status, reason);
        expect(parseSipMessage(serializeSipMessage(res))).toEqual(res);
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trip: URIs and name-addrs format and parse back equal', () => {
    fc.assert(fc.property(sipUri, (u) => expect(parseSipUri(formatSipUri(u))).toEqual(u)), { numRuns: 2000 });
    fc.assert(fc.property(nameAddr, (a) => expect(parseNameAddr(formatNameAddr(a))).toEqual(a)), { numRuns: 2000 });
  });

  it('parse -> serialize -> parse is stable on the samples', () => {
    for (const s of SAMPLES) {
      const once = parseSipMessage(s);
      expect(parseSipMessage(serializeSipMessage(once))).toEqual(once);
    }
  });
});
