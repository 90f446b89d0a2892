import fc from 'fast-check';
import { encodeUintvar } from '@waken/wire';
import { gtpuGpdu, parseGtpuGpdu } from './adapters/gtpu-gpdu';
import { pppFrame, pppUnframe } from './adapters/ppp-frame';
import { decodeUssdSir } from './adapters/ussd-sir';
import { packUssdText, unpackUssdText } from './adapters/gsm7-ussd';
import { compilePushContent, contentWspPush } from './push-content';
import { sipMessageFor } from './sip-wire-message';
import { sipWakeupFor } from './sip-wakeup';
import { sirPayloadFromComposed } from './sir-payload';
import { smsSegmentsFor } from './sms-segments';
import { sirWspPush } from './wsp-sir-push';
import { GRUU, composedSir } from './testing/composed-sir.fixture';
import { FUZZ_RUNS, mutationsOf, valueOrDecodeError } from './testing/decode-oracle';
import { inspectSipPush, inspectSmsPush, inspectUdpPush } from './wakeup-inspector';

const composed = composedSir();
const payload = sirPayloadFromComposed(composed);
const SIR_PUSH = sirWspPush(payload);
const SL_PUSH = contentWspPush(compilePushContent('<sl href="https://www.example.com/app"/>'), { tid: 1 });
const SIP = sipMessageFor(sipWakeupFor(payload, GRUU), { ppgUri: 'sip:ppg@127.0.0.1:5070', viaHostPort: '127.0.0.1:5070', messageId: 'm' });
const SEGMENTS = smsSegmentsFor(SIR_PUSH, composed.sir.sirId);
// a third each of raw, mutated and structured cases: >= 10k per decoder (FUZZ_RUNS scales it)
const third = Math.ceil(FUZZ_RUNS / 3);
const raw = (max: number) => fc.uint8Array({ maxLength: max });

describe('inspector fuzzing (reliability.md S3): a value or DecodeError, in bounded time', () => {
  it('UDP/WSP: raw bytes, mutated SIR and SL pushes, lengths set to 0/max/max+1/2^32-1', () => {
    fc.assert(fc.property(raw(400), (b) => valueOrDecodeError(() => inspectUdpPush(b))), { numRuns: third });
    fc.assert(fc.property(mutationsOf([SIR_PUSH, SL_PUSH]), (b) => valueOrDecodeError(() => inspectUdpPush(b))), { numRuns: third });
    const lengths = fc.tuple(fc.constantFrom(0, 3, 4, 127, 128, 0x3fff, 0xffffffff), fc.uint8Array({ maxLength: 300 }));
    fc.assert(fc.property(lengths, ([n, tail]) => valueOrDecodeError(() => inspectUdpPush(Uint8Array.from([1, 6, ...encodeUintvar(n), 0xb4, 0xaf, 0x81, ...tail])))), { numRuns: third });
  });

  it('SMS: raw segments, mutated segments, shuffled and dropped parts', () => {
    fc.assert(fc.property(fc.array(raw(140), { minLength: 1, maxLength: 4 }), (s) => valueOrDecodeError(() => inspectSmsPush(s))), { numRuns: third });
    const mutated = fc.tuple(fc.nat(SEGMENTS.length - 1), mutationsOf(SEGMENTS)).map(([i, m]) => SEGMENTS.map((s, j) => (j === i ? m : s)));
    fc.assert(fc.property(mutated, (s) => valueOrDecodeError(() => inspectSmsPush(s))), { numRuns: third });
    const shuffled = fc.shuffledSubarray(SEGMENTS, { minLength: 1 });
    fc.assert(fc.property(shuffled, (s) => valueOrDecodeError(() => inspectSmsPush(s))), { numRuns: third });
  });

  it('SIP: raw bytes, mutated MESSAGEs, any body behind each content type', () => {
    fc.assert(fc.property(raw(600), (b) => valueOrDecodeError(() => inspectSipPush(b))), { numRuns: third });
    fc.assert(fc.property(mutationsOf([SIP]), (b) => valueOrDecodeError(() => inspectSipPush(b))), { numRuns: third });
    const text = new TextDecoder().decode(SIP);
    const head = text.slice(0, text.indexOf('Content-Type:'));
    const types = ['application/vnd.wap.sia', 'application/vnd.waken.sir+json', 'application/vnd.wap.slc', 'text/vnd.wap.si', 'x/y'];
    const message = fc.tuple(fc.constantFrom(...types), raw(300)).map(([type, body]) =>
      Uint8Array.from([...new TextEncoder().encode(`${head}Content-Type: ${type}\r\nContent-Length: ${body.length}\r\n\r\n`), ...body]),
    );
    fc.assert(fc.property(message, (b) => valueOrDecodeError(() => inspectSipPush(b))), { numRuns: third });
  });

  it('USSD: unpacking and SIR decoding; packed text round-trips', () => {
    fc.assert(fc.property(raw(170), (b) => valueOrDecodeError(() => decodeUssdSir(b))), { numRuns: third * 2 });
    const b64 = fc.base64String({ maxLength: 176 }).map((s) => packUssdText(`SIA:${s}`.slice(0, 182)));
    fc.assert(fc.property(b64, (b) => valueOrDecodeError(() => decodeUssdSir(b)) && valueOrDecodeError(() => unpackUssdText(b))), { numRuns: third });
  });

  it('structured: any placement and identity survives SMS, UDP and SIP and reads back as the signed SIR', () => {
    const printable = fc.string({ minLength: 1, maxLength: 60 }).filter((v) => ![...v].some((c) => c < ' ' || c === '\u007f') && v.trim() === v);
    const sir = fc.record({
      mode: fc.constantFrom('targeted' as const, 'broadcast-identity' as const, 'single' as const),
      value: printable,
      kind: fc.constantFrom('uuid' as const, 'imei' as const, 'mac' as const, 'fingerprint' as const),
      placement: fc.uniqueArray(fc.constantFrom('header' as const, 'value' as const, 'body' as const), { maxLength: 3 }),
      requestId: printable,
    });
    fc.assert(
      fc.property(sir, ({ mode, value, kind, placement, requestId }) => {
        const c = composedSir({ mode, sirRequestId: requestId, deviceIdentity: { kind, value } });
        const p = sirPayloadFromComposed({ ...c, sir: { ...c.sir, placement } });
        const viaUdp = inspectUdpPush(sirWspPush(p)).content;
        const viaSms = inspectSmsPush(smsSegmentsFor(sirWspPush(p), c.sir.sirId)).content;
        const viaSip = inspectSipPush(sipMessageFor(sipWakeupFor(p, 'sip:+43-8323546@mobilkom.at'), { ppgUri: 'sip:ppg@h', viaHostPort: 'h:5060', messageId: 'x' })).content;
        const expected = placement.length === 0 ? { ...p.sir, deviceIdentity: undefined } : p.sir;
        for (const view of [viaUdp, viaSms, viaSip]) expect(view.kind === 'sir' && JSON.parse(JSON.stringify(view.sir))).toEqual(JSON.parse(JSON.stringify(expected)));
      }),
      { numRuns: 300 },
    );
  });

  it('PPP and GTP-U: raw, mutated, and round trips of structured input', () => {
    const ppp = pppFrame(Uint8Array.of(0x45, 0, 0x7e, 0x7d, 1, 2, 3));
    fc.assert(fc.property(fc.oneof(raw(200), mutationsOf([ppp])), (b) => valueOrDecodeError(() => pppUnframe(b))), { numRuns: third * 2 });
    const gtp = gtpuGpdu({ teid: 0x1234, tpdu: SIR_PUSH });
    fc.assert(fc.property(fc.oneof(raw(200), mutationsOf([gtp, Uint8Array.of(0x36, 0xff, 0, 8, 0, 0, 0, 1, 0, 1, 0, 0x85, 1, 0x10, 1, 0)])), (b) => valueOrDecodeError(() => parseGtpuGpdu(b))), {
      numRuns: third * 2,
    });
    fc.assert(fc.property(fc.nat({ max: 0xffffffff }), raw(300), (teid, tpdu) => {
      const back = parseGtpuGpdu(gtpuGpdu({ teid, tpdu }));
      return back.teid === teid && Buffer.from(back.tpdu).equals(Buffer.from(tpdu));
    }), { numRuns: third });
  });
});
