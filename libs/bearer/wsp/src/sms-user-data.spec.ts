import fc from 'fast-check';
import { DecodeError, fromHex, toHex } from '@waken/wire';
import { decodeWapPushOverSms, encodeWspPush, parseSmsUserData, toWapPushSegments } from './index';
import { mutationsOf, valueOrDecodeError } from '@waken/testing';

const SI_PUSH = fromHex(
  '010603aeaf82' +
    '02056a0045c60d036578616d706c65008803696e626f780011036d73672d343200080ac30620240501123010c304202405080103596f752068617665206d61696c000101',
);

function pduOf(length: number): Uint8Array {
  return encodeWspPush({
    tid: 1,
    pduType: 'push',
    contentType: { type: 'application/vnd.wap.sia' },
    applicationId: 'x-wap-application:push.sia',
    body: Uint8Array.from({ length: length - 6 }, (_, i) => i % 251),
  });
}

describe('toWapPushSegments (wsp-wdp-sms.md §2-§3)', () => {
  it('§7: the SI push fits one SMS behind 06 05 04 0B 84 23 F0, 81 octets', () => {
    const [ud, ...rest] = toWapPushSegments(SI_PUSH, { reference: 0 });
    expect(rest).toHaveLength(0);
    expect(toHex(ud.subarray(0, 7))).toBe('0605040b8423f0');
    expect(ud).toHaveLength(81);
  });

  it('133 octets is one part; 134 needs two of at most 128 each, port IE repeated', () => {
    expect(toWapPushSegments(pduOf(133), { reference: 1 })).toHaveLength(1);
    const parts = toWapPushSegments(pduOf(134), { reference: 0x42 });
    expect(parts.map((p) => toHex(p.subarray(0, 12)))).toEqual(['0b0003420201' + '05040b8423f0', '0b0003420202' + '05040b8423f0']);
    expect(parts[0]).toHaveLength(140);
    expect(parts[1]).toHaveLength(12 + 6);
  });

  it('16-bit references use IEI 0x08 and 127 octets per part', () => {
    const parts = toWapPushSegments(pduOf(254), { reference: 0xbeef, reference16: true });
    expect(parts).toHaveLength(2);
    expect(toHex(parts[0].subarray(0, 13))).toBe('0c0804beef020105040b8423f0');
    expect(parts[0]).toHaveLength(140);
  });

  it('refuses more than 255 parts and bad references', () => {
    expect(toWapPushSegments(pduOf(255 * 128), { reference: 1 })).toHaveLength(255);
    expect(() => toWapPushSegments(pduOf(255 * 128 + 1), { reference: 1 })).toThrow(RangeError);
    expect(() => toWapPushSegments(pduOf(200), { reference: 256 })).toThrow(RangeError);
    expect(() => toWapPushSegments(pduOf(200), { reference: 1, maxOctets: 12 })).toThrow(RangeError);
  });
});

describe('parseSmsUserData', () => {
  it('reads ports and concatenation, skipping unknown IEs', () => {
    expect(parseSmsUserData(fromHex('0f 0003420305 05040b8423f0 2402aabb 01'))).toEqual({
      udh: { concat: { reference: 0x42, total: 3, index: 5 }, ports: { destination: 2948, source: 9200 } },
      data: Uint8Array.of(1),
    });
    expect(parseSmsUserData(fromHex('04 04020b0c ff')).udh.ports).toEqual({ destination: 11, source: 12 });
  });

  it.each([
    ['UDHL beyond the data', '09 05040b8423f0'],
    ['IE length beyond the UDH', '03 0005 0102'],
    ['port IE of the wrong length', '05 0503 0b8423'],
    ['concat IE of the wrong length', '04 0002 0102'],
    ['empty', ''],
  ])('%s → DecodeError', (_, hex) => {
    expect(() => parseSmsUserData(fromHex(hex))).toThrow(DecodeError);
  });

  it('fuzz: mutations and raw bytes give a value or DecodeError', () => {
    const samples = [...toWapPushSegments(pduOf(300), { reference: 9 }), ...toWapPushSegments(SI_PUSH, { reference: 0 })];
    fc.assert(fc.property(mutationsOf(samples), (ud) => valueOrDecodeError(() => parseSmsUserData(ud))), { numRuns: 3000 });
    fc.assert(fc.property(fc.uint8Array({ maxLength: 160 }), (ud) => valueOrDecodeError(() => parseSmsUserData(ud))), { numRuns: 3000 });
  });
});

describe('decodeWapPushOverSms', () => {
  it('round-trips any PDU through segments, in any order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 7, max: 1500 }),
        fc.integer({ min: 0, max: 255 }),
        fc.boolean(),
        fc.func(fc.integer()),
        (length, reference, reference16, order) => {
          const pdu = pduOf(length);
          const segments = toWapPushSegments(pdu, { reference, reference16 });
          const shuffled = [...segments].sort((a, b) => order(a) - order(b));
          const decoded = decodeWapPushOverSms(shuffled);
          expect(decoded.ports).toEqual({ source: 9200, destination: 2948 });
          expect(decoded.segments).toBe(segments.length);
          expect(encodeWspPush(decoded.wsp)).toEqual(pdu);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses missing, duplicated, foreign or port-less segments', () => {
    const parts = toWapPushSegments(pduOf(400), { reference: 5 });
    const other = toWapPushSegments(pduOf(400), { reference: 6 });
    expect(() => decodeWapPushOverSms(parts.slice(1))).toThrow(/incomplete/);
    expect(() => decodeWapPushOverSms([parts[0], parts[0], ...parts.slice(1)])).toThrow(DecodeError);
    expect(() => decodeWapPushOverSms([other[0], ...parts.slice(1)])).toThrow(DecodeError);
    expect(() => decodeWapPushOverSms([fromHex('00 010603aeaf82')])).toThrow(/port/);
    expect(() => decodeWapPushOverSms([])).toThrow(DecodeError);
  });

  it('fuzz: mutated segment sets give a push or DecodeError', () => {
    const parts = toWapPushSegments(pduOf(300), { reference: 9 });
    fc.assert(
      fc.property(mutationsOf(parts), fc.nat({ max: parts.length - 1 }), (mutated, at) => {
        const set = parts.map((p, i) => (i === at ? mutated : p));
        return valueOrDecodeError(() => decodeWapPushOverSms(set));
      }),
      { numRuns: 3000 },
    );
  });
});
