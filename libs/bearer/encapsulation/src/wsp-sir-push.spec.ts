import { decodeWapPushOverSms, decodeWspPush, parseSmsUserData } from '@waken/bearer-wsp';
import { decodeSia } from '@waken/sir-domain';
import { toHex } from '@waken/wire';
import { concatReferenceFor, transactionIdFor } from './derived-ids';
import { sirPayloadFromComposed } from './sir-payload';
import { smsSegmentsFor } from './sms-segments';
import { SIA_APPLICATION_ID, sirWspPush } from './wsp-sir-push';
import { composedSir } from './testing/composed-sir.fixture';

describe('sirWspPush (seed §S6 WSP, Table 1 push headers)', () => {
  it('starts with TID, Push, application/vnd.wap.sia and push.sia, byte for byte (sir-wire-format.md §3.1)', () => {
    // single mode with body placement only: no identity header, so the header block is exactly B4 AF 81
    const composed = composedSir({ mode: 'single', deviceIdentity: undefined, activation: { bearer: 'udp', address: '192.0.2.7' } });
    const payload = sirPayloadFromComposed(composed);
    const pdu = sirWspPush(payload);
    const tid = transactionIdFor(composed.sir.sirId);
    expect(toHex(pdu.subarray(0, 6))).toBe(toHex(Uint8Array.of(tid, 0x06, 0x03, 0xb4, 0xaf, 0x81)));
    expect(toHex(pdu.subarray(6))).toBe(toHex(payload.sia));
  });

  it('carries a header-placed identity as a WSP application header', () => {
    const payload = sirPayloadFromComposed(composedSir());
    const push = decodeWspPush(sirWspPush(payload));
    expect(push).toMatchObject({ pduType: 'push', contentType: { type: 'application/vnd.wap.sia' }, applicationId: SIA_APPLICATION_ID });
    expect(push.headers).toEqual([{ name: 'X-Waken-Device-Id', value: payload.identityFields['X-Waken-Device-Id'] }]);
    expect(decodeSia(push.body).sir).toEqual(payload.sir);
  });
});

describe('smsSegmentsFor (WAP push over SMS, wsp-wdp-sms.md §2-3)', () => {
  it('sends a short PDU in one segment with UDH 06 05 04 0B 84 23 F0', () => {
    const [segment, ...more] = smsSegmentsFor(Uint8Array.of(1, 6, 3, 0xb4, 0xaf, 0x81, 0), 'sir-a');
    expect(more).toEqual([]);
    expect(toHex(segment)).toBe('0605040b8423f0010603b4af8100');
  });

  it('concatenates a SIR of 287 octets into 128-octet parts: 0B 00 03 ref n i 05 04 0B 84 23 F0', () => {
    const composed = composedSir();
    const segments = smsSegmentsFor(sirWspPush(sirPayloadFromComposed(composed)), composed.sir.sirId);
    const ref = concatReferenceFor(composed.sir.sirId);
    expect(segments.length).toBeGreaterThan(1);
    segments.forEach((s, i) => {
      expect(toHex(s.subarray(0, 12))).toBe(toHex(Uint8Array.of(0x0b, 0x00, 0x03, ref, segments.length, i + 1, 0x05, 0x04, 0x0b, 0x84, 0x23, 0xf0)));
      expect(s.length).toBeLessThanOrEqual(140);
    });
    expect(decodeWapPushOverSms(segments).wsp.contentType.type).toBe('application/vnd.wap.sia');
  });

  it('derives the reference from the SIR id: the same for a redelivery, different across SIRs', () => {
    const pdu = new Uint8Array(300).fill(0x41);
    const ref = (id: string) => parseSmsUserData(smsSegmentsFor(pdu, id)[0]).udh.concat?.reference;
    expect(ref('sir-1')).toBe(ref('sir-1'));
    const refs = new Set(Array.from({ length: 50 }, (_, i) => ref(`sir-${i}`)));
    expect(refs.size).toBeGreaterThan(40);
    const wide = parseSmsUserData(smsSegmentsFor(pdu, 'sir-1', { reference16: true })[0]).udh.concat;
    expect(wide?.reference).toBe(concatReferenceFor('sir-1', true));
  });

  it('refuses a PDU that needs more than 255 segments', () => {
    expect(() => smsSegmentsFor(new Uint8Array(255 * 128 + 1), 'x')).toThrow(expect.objectContaining({ reason: 'too-large' }));
  });
});
