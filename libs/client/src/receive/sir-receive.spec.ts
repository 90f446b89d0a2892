import { buildRequest } from '@waken/bearer-sip';
import { encodeWspPush, toWapPushSegments } from '@waken/bearer-wsp';
import { DEVICE_ID_HEADER, formatHeaderValue, SIA_MEDIA_TYPE } from '@waken/sir-domain';
import { gruuOf, sirFor } from '../testing/client-fixtures';
import { bodyOf, httpInputOf, sipMessageOf, smsSegmentsOf, wspPushOf } from '../testing/sir-carriers';
import { decodeHttpSir } from './http-sir-decoder';
import { decodeSipSir } from './sip-sir-decoder';
import { decodeSmsSir, SmsSirAssembler } from './sms-sir-assembler';
import { SirReceiveError } from './sir-receive.error';
import { decodeUdpSir } from './wsp-sir-decoder';

const failure = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof SirReceiveError) return e.failure;
    throw e;
  }
  return 'none';
};

describe('receiving a SIR on any bearer (seed §C1)', () => {
  const targeted = sirFor('targeted', 'phone');

  it.each(['json', 'sia'] as const)('reads a SIP MESSAGE with a %s body, identity in header and body', (encoding) => {
    const decoded = decodeSipSir(sipMessageOf(targeted, encoding));
    expect(decoded).toMatchObject({ bearer: 'sip', encoding, sir: targeted });
    expect(decoded.identityFoundIn).toEqual(['body', 'header']);
    expect(decoded.applicationIds).toEqual(['x-wap-application:wml.ua']);
  });

  it.each([
    [['header'] as const, ['header']],
    [['value'] as const, ['value']],
    [['header', 'value'] as const, ['value', 'header']],
  ])('restores an identity placed only in %j so the signed document is whole again (claim 2)', (placement, foundIn) => {
    const sir = sirFor('targeted', 'phone', {}, { placement: [...placement] });
    const decoded = decodeSipSir(sipMessageOf(sir));
    expect(decoded.sir).toEqual(sir);
    expect(decoded.identityFoundIn).toEqual(foundIn);
  });

  it('reads the identity from a Request-URI gr when a proxy left it there (seed Table 1)', () => {
    const sir = sirFor('targeted', 'phone', {}, { placement: ['header'] });
    const request = sipMessageOf(sir, 'json', gruuOf('phone'));
    const withoutField = { ...request, headers: request.headers.filter((h) => h.name !== DEVICE_ID_HEADER) };
    expect(decodeSipSir(withoutField).sir).toEqual(sir);
  });

  it('refuses copies that name different devices', () => {
    const request = sipMessageOf(targeted);
    const swapped = request.headers.map((h) =>
      h.name === DEVICE_ID_HEADER ? { ...h, value: formatHeaderValue({ kind: 'gruu', value: gruuOf('laptop') }) } : h,
    );
    expect(failure(() => decodeSipSir({ ...request, headers: swapped }))).toBe('malformed');
    const twice = [...request.headers, { name: 'x-waken-device-id', value: formatHeaderValue({ kind: 'uuid', value: 'urn:uuid:1' }) }];
    expect(failure(() => decodeSipSir({ ...request, headers: twice }))).toBe('malformed');
  });

  it('says "not a SIR" for another method or content type, "malformed" for a broken body', () => {
    const request = sipMessageOf(targeted);
    expect(failure(() => decodeSipSir({ ...request, method: 'OPTIONS' }))).toBe('not-a-sir');
    const text = buildRequest({ ...baseRequest(), contentType: 'text/plain', body: 'hello' });
    expect(failure(() => decodeSipSir(text))).toBe('not-a-sir');
    const broken = buildRequest({ ...baseRequest(), contentType: 'application/vnd.waken.sir+json; charset=utf-8', body: '{"v":1' });
    expect(failure(() => decodeSipSir(broken))).toBe('malformed');
  });

  it('reads a WSP push in one UDP datagram', () => {
    expect(decodeUdpSir(wspPushOf(targeted))).toMatchObject({ bearer: 'udp', encoding: 'sia', sir: targeted });
  });

  it('refuses a WSP push to another application', () => {
    const push = encodeWspPush({ tid: 1, pduType: 'push', contentType: { type: SIA_MEDIA_TYPE }, applicationId: 'x-wap-application:wml.ua', body: bodyOf(targeted, 'sia') });
    expect(failure(() => decodeUdpSir(push))).toBe('not-a-sir');
  });

  it('reads a SIR split over concatenated SMS, all at once or one segment at a time in any order', () => {
    const segments = smsSegmentsOf(targeted);
    expect(segments.length).toBeGreaterThan(1);
    expect(decodeSmsSir(segments).sir).toEqual(targeted);
    const assembler = new SmsSirAssembler();
    const results = [...segments].reverse().map((s) => assembler.add(s, '+438323546'));
    expect(results.slice(0, -1).every((r) => r.status === 'pending')).toBe(true);
    const last = results[results.length - 1];
    expect(last.status === 'complete' && last.decoded.sir).toEqual(targeted);
    expect(assembler.pending).toBe(0);
  });

  it('drops SMS segments with bad sequence numbers, and SMS to another WDP port', () => {
    const assembler = new SmsSirAssembler();
    const [first] = smsSegmentsOf(targeted);
    const badSeq = Uint8Array.from(first);
    badSeq[5] = 0; // concat IE: reference at [3], total at [4], sequence at [5]
    expect(failure(() => assembler.add(badSeq))).toBe('malformed');
    const otherPort = toWapPushSegments(wspPushOf(targeted), { reference: 3, destinationPort: 9999 });
    expect(failure(() => assembler.add(otherPort[0]))).toBe('not-a-sir');
  });

  it('reads an HTTP POST', () => {
    expect(decodeHttpSir(httpInputOf(targeted))).toMatchObject({ bearer: 'http', encoding: 'json', sir: targeted });
    expect(failure(() => decodeHttpSir({ ...httpInputOf(targeted), method: 'GET' }))).toBe('not-a-sir');
  });

  it('carries a broadcast without identity on every bearer (seed §S9)', () => {
    const broadcast = sirFor('broadcast', undefined);
    expect(decodeSipSir(sipMessageOf(broadcast)).identityFoundIn).toEqual([]);
    expect(decodeSmsSir(smsSegmentsOf(broadcast)).sir).toEqual(broadcast);
  });
});

function baseRequest() {
  return {
    method: 'MESSAGE',
    requestUri: 'sip:dev@127.0.0.2:5062',
    from: '<sip:ppg@example.com>;tag=1',
    to: '<sip:dev@example.com>',
    callId: 'c2',
    cseq: 1,
    via: 'SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK2',
  };
}
