import { DecodeError, fromHex, toHex } from '@waken/wire';
import { decodeWspPush, encodeWspPush, WSP_APPLICATION_IDS, WSP_CONTENT_TYPES } from './index';

// si-sl-wbxml.md §5: the 68-octet SI.
const SI_WBXML = fromHex(
  '02056a0045c60d036578616d706c65008803696e626f780011036d73672d343200080ac30620240501123010c304202405080103596f752068617665206d61696c000101',
);
const SIA_BODY = fromHex('00 02 AF 82 08 C4 00 23 F1 C0 00 02 01');

describe('encodeWspPush: verified vectors', () => {
  it('wsp-wdp-sms.md §7: SI push is 01 06 03 AE AF 82 + WBXML', () => {
    const pdu = encodeWspPush({
      tid: 1,
      pduType: 'push',
      contentType: { type: 'application/vnd.wap.sic' },
      applicationId: 'x-wap-application:wml.ua',
      body: SI_WBXML,
    });
    expect(toHex(pdu)).toBe('010603aeaf82' + toHex(SI_WBXML));
    expect(pdu).toHaveLength(74);
  });

  it('§7 variant: general form with charset gives HeadersLen 6 (03 AE 81 EA AF 82)', () => {
    const pdu = encodeWspPush({
      tid: 1,
      pduType: 'push',
      contentType: { type: 'application/vnd.wap.sic', params: { charset: 'utf-8' } },
      applicationId: 'x-wap-application:wml.ua',
      body: SI_WBXML,
    });
    expect(toHex(pdu.subarray(0, 9))).toBe('01060603ae81eaaf82');
    expect(decodeWspPush(pdu).contentType).toEqual({ type: 'application/vnd.wap.sic', params: { charset: 'utf-8' } });
  });

  it('sia-sir.md: SIR push is 02 06 03 B4 AF 81 + SIA (seed §S6 headers)', () => {
    const pdu = encodeWspPush({
      tid: 2,
      pduType: 'push',
      contentType: { type: 'application/vnd.wap.sia' },
      applicationId: 'x-wap-application:push.sia',
      body: SIA_BODY,
    });
    expect(toHex(pdu)).toBe('020603b4af81' + toHex(SIA_BODY));
    expect(decodeWspPush(pdu)).toEqual({
      tid: 2,
      pduType: 'push',
      contentType: { type: 'application/vnd.wap.sia' },
      applicationId: 'x-wap-application:push.sia',
      headers: [],
      body: SIA_BODY,
    });
  });

  it('§6: application ids as Long-integer and as Text-string', () => {
    const long = encodeWspPush({ tid: 0, pduType: 'confirmed-push', contentType: { type: 'text/plain' }, applicationId: 0x904b, body: new Uint8Array() });
    expect(toHex(long)).toBe('00070583af02904b');
    expect(decodeWspPush(long).applicationId).toBe(0x904b);
    const text = fromHex('00061b 83 af' + toHex(new TextEncoder().encode('x-wap-application:wml.ua')) + '00');
    expect(decodeWspPush(text).applicationId).toBe('x-wap-application:wml.ua');
    const custom = encodeWspPush({ tid: 0, pduType: 'push', contentType: { type: 'text/plain' }, applicationId: 'urn:x-example:app', body: new Uint8Array() });
    expect(decodeWspPush(custom).applicationId).toBe('urn:x-example:app');
  });
});

describe('WSP headers and values', () => {
  const push = (headers: { name: string; value: string | number | Uint8Array }[]) =>
    encodeWspPush({ tid: 9, pduType: 'push', contentType: { type: 'application/vnd.wap.slc' }, headers, body: Uint8Array.of(1) });

  it('encodes Push-Flag, X-Wap-Initiator-URI, X-Wap-Content-URI and Encoding-Version', () => {
    const pdu = push([
      { name: 'Push-Flag', value: 3 },
      { name: 'X-Wap-Initiator-URI', value: 'http://pi.example.com' },
      { name: 'X-Wap-Content-URI', value: 'http://a/b' },
      { name: 'Encoding-Version', value: '1.3' },
    ]);
    const hex = toHex(pdu);
    expect(hex).toContain('b483');
    expect(hex).toContain('b1' + toHex(new TextEncoder().encode('http://pi.example.com')) + '00');
    expect(hex).toContain('c393');
    expect(decodeWspPush(pdu).headers).toEqual([
      { name: 'Push-Flag', value: 3 },
      { name: 'X-Wap-Initiator-URI', value: 'http://pi.example.com' },
      { name: 'X-Wap-Content-URI', value: 'http://a/b' },
      { name: 'Encoding-Version', value: '1.3' },
    ]);
  });

  it('quotes text whose first octet is >= 0x80 and keeps application headers', () => {
    const pdu = push([{ name: 'X-Custom', value: 'élan' }, { name: 'Age', value: Uint8Array.of(1, 2, 3) }]);
    expect(toHex(pdu)).toContain(toHex(new TextEncoder().encode('X-Custom')) + '007fc3a9');
    expect(decodeWspPush(pdu).headers).toEqual([{ name: 'X-Custom', value: 'élan' }, { name: 'Age', value: Uint8Array.of(1, 2, 3) }]);
  });

  it('uses Length-quote for a general-form content type over 30 octets', () => {
    const contentType = { type: 'application/x-long-type-name-for-test', params: { name: 'a b' } };
    const pdu = encodeWspPush({ tid: 1, pduType: 'push', contentType, body: new Uint8Array() });
    expect(pdu[3]).toBe(0x1f);
    expect(decodeWspPush(pdu).contentType).toEqual(contentType);
  });

  it('refuses values it cannot encode', () => {
    expect(() => push([{ name: 'Push-Flag', value: 200 }])).toThrow(RangeError);
    expect(() => push([{ name: 'bad name', value: 'x' }])).toThrow(RangeError);
    expect(() => push([{ name: 'X-A', value: 'a\u0000b' }])).toThrow(RangeError);
  });

  it('tables work in both directions (wsp-wdp-sms.md §6)', () => {
    expect(WSP_CONTENT_TYPES.code('application/vnd.wap.sia')).toBe(0x34);
    expect(WSP_CONTENT_TYPES.name(0x2e)).toBe('application/vnd.wap.sic');
    expect(WSP_CONTENT_TYPES.code('application/vnd.wap.coc')).toBe(0x32);
    expect(WSP_APPLICATION_IDS.code('x-wap-application:push.sia')).toBe(0x01);
    expect(WSP_APPLICATION_IDS.name(0x04)).toBe('x-wap-application:mms.ua');
    expect(WSP_CONTENT_TYPES.code('text/vnd.wap.wta-event')).toBe(0x0a);
    expect(WSP_CONTENT_TYPES.name(0x0a)).toBe('text/vnd.wap.channel');
    expect(WSP_CONTENT_TYPES.code('APPLICATION/VND.WAP.SIC')).toBe(0x2e);
  });
});

describe('decodeWspPush: reliability.md (c) #28', () => {
  it.each([
    ['uintvar HeadersLen longer than 5 octets', '01 06 80 80 80 80 80 03 ae af 82'],
    ['HeadersLen beyond the PDU', '01 06 10 ae af 82'],
    ['HeadersLen 0xFFFFFFFF', '01 06 8f ff ff ff 7f ae'],
    ['Value-length beyond the headers', '01 06 03 1e ae 81'],
    ['Length-quote with a huge uintvar', '01 06 07 1f 8f ff ff ff 7f ae'],
    ['not a push PDU', '01 04 03 ae af 82'],
    ['no content type', '01 06 00'],
    ['unassigned content type', '01 06 01 ff'],
    ['text without NUL', '01 06 03 41 42 43'],
    ['header page shift', '01 06 03 ae 7f 02'],
    ['Long-integer of 31 octets', '01 06 03 ae af 1f'],
    ['empty', ''],
  ])('%s → DecodeError', (_, hex) => {
    expect(() => decodeWspPush(fromHex(hex))).toThrow(DecodeError);
  });
});
