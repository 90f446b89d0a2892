import { DEVICE_IDENTITY_KINDS, SIR_INSTRUCTIONS, WAKE_MODES } from '@waken/contracts';
import { ByteWriter, DecodeError, fromHex, toHex } from '@waken/wire';
import { composeSir } from './sir-composer';
import { decodeSia, encodeSia } from './sia-codec';
import { ipv4ContactPoint } from './sia-contact-point';
import { INSTRUCTION_CODES, KIND_CODES, MODE_CODES } from './sia-extension-codes';
import { SirFormatError } from './sir-format.error';
import { context, request } from './test-support/sir-fixtures';

const CP = ipv4ContactPoint('192.0.2.1');

describe('SIA codec (application/vnd.wap.sia + Waken extension)', () => {
  const doc = composeSir(request(), context());

  it('starts with the standard v0 fields of sia-sir.md §2', () => {
    const hex = toHex(encodeSia(doc, { contactPoints: [CP] }));
    // version 0, AppIdList (2 octets: AF 82 = wml.ua), ContactPoints (8 octets), then "WK" v1
    expect(hex.startsWith('00' + '02af82' + '08c40023f1c0000201' + '574b01')).toBe(true);
  });

  it('round-trips the document, the application ids and the contact points', () => {
    const cps = [CP, { bearerType: 0x03, address: new TextEncoder().encode('+438323546') }, { port: 2948, address: new Uint8Array(0) }];
    const decoded = decodeSia(encodeSia(doc, { contactPoints: cps }));
    expect(decoded.sir).toEqual(doc);
    expect(decoded.applicationIds).toEqual(['x-wap-application:wml.ua']);
    expect(decoded.contactPoints).toEqual(cps);
  });

  it('carries the MAC as 32 raw octets and timestamps as 6, so a targeted SIR stays small', () => {
    const bytes = encodeSia(doc, { contactPoints: [CP] });
    // Seed Table 1 identities: 281 octets; with the 6-octet WSP Push header that is 3 SMS segments
    // of 128 (wsp-wdp-sms.md §3). Text timestamps and a text MAC would add 36 + 11 octets.
    expect(bytes.length).toBe(281);
    expect(bytes.length + 6).toBeLessThanOrEqual(3 * 128);
  });

  it('carries custom application ids as WSP text and omits an absent one', () => {
    const custom = { ...doc, applicationId: 'x-oma-application:dcd.ua' };
    const bytes = encodeSia(custom, { contactPoints: [CP] });
    expect(toHex(bytes.subarray(0, 3))).toBe('001a' + 'af');
    expect(decodeSia(bytes).sir).toEqual(custom);
    const { applicationId: _none, ...noApp } = doc;
    const plain = encodeSia(noApp, { contactPoints: [CP] });
    expect(plain[1]).toBe(0);
    expect(decodeSia(plain).sir).toEqual(noApp);
    expect(decodeSia(encodeSia({ ...doc, applicationId: 'ünï' }, { contactPoints: [CP] })).sir.applicationId).toBe('ünï');
  });

  it('refuses what it cannot encode faithfully', () => {
    const refuse = (d: typeof doc, cps = [CP]) => expect(() => encodeSia(d, { contactPoints: cps })).toThrow(SirFormatError);
    refuse({ ...doc, issuedAt: '2026-11-26T10:00:00Z' }); // not the canonical millisecond form
    refuse({ ...doc, signature: 'not+base64url' });
    refuse({ ...doc, applicationId: 'a\r\nb' });
    refuse({ ...doc, applicationId: '' });
    refuse(doc, []);
    refuse(doc, [{ address: new Uint8Array(64) }]);
    refuse(doc, [{ port: 70000, address: new Uint8Array(4) }]);
    refuse({ ...doc, nonce: '' });
    expect(() => ipv4ContactPoint('256.0.0.1')).toThrow(SirFormatError);
  });

  it('pins a wire code for every contract enum value', () => {
    expect([...MODE_CODES].sort()).toEqual([...WAKE_MODES].sort());
    expect([...KIND_CODES].sort()).toEqual([...DEVICE_IDENTITY_KINDS].sort());
    expect([...INSTRUCTION_CODES].sort()).toEqual([...SIR_INSTRUCTIONS].sort());
  });

  it.each([
    ['empty input', ''],
    ['SIA version 1', '01 00 00'],
    ['a plain SIA without the extension', '00 02af82 08c40023f1c0000201'],
    ['a foreign trailer', '00 00 00 ffff'],
    ['an AppIdList entry that is not X-Wap-Application-Id', '00 02 b182 00'],
    ['an unknown well-known application id', '00 02 affe 00'],
    ['a long-integer application id', '00 04 af02904b 00'],
    ['a ContactPoints length past the end', '00 00 ff'],
    ['an address record past its length', '00 00 02 c4 00'],
    ['an unsupported extension version', '00 00 00 574b02 00'],
    ['an empty extension', '00 00 00 574b01 00'],
    ['a uintvar longer than 5 octets', '00 00 00 574b01 8080808080'],
  ])('rejects %s with DecodeError', (_label, hex) => {
    expect(() => decodeSia(fromHex(hex))).toThrow(DecodeError);
  });

  it('rejects duplicate tags, unknown codes and bad timestamps', () => {
    const valid = encodeSia(doc, { contactPoints: [CP] });
    const ext = valid.subarray(valid.indexOf(0x57));
    const withTlv = (extra: string) => {
      const head = valid.subarray(0, valid.length - ext.length);
      const block = ext.subarray(3 + (ext[3] & 0x80 ? 2 : 1));
      const body = new ByteWriter().bytes(block).bytes(fromHex(extra)).toBytes();
      return new ByteWriter().bytes(head).u8(0x57).u8(0x4b).u8(1).uintvar(body.length).bytes(body).toBytes();
    };
    expect(decodeSia(withTlv('7f 02 abcd')).sir).toEqual(doc); // unknown tags are skipped
    expect(() => decodeSia(withTlv('01 01 41'))).toThrow(/duplicate/);
    const broken = (tag: number, value: string) => {
      const bytes = encodeSia(doc, { contactPoints: [CP] });
      const at = findTag(bytes, tag);
      const v = fromHex(value);
      return new ByteWriter().bytes(bytes.subarray(0, at)).bytes(v).bytes(bytes.subarray(at + v.length)).toBytes();
    };
    expect(() => decodeSia(broken(0x02, '02 01 09'))).toThrow(/unknown code/);
    expect(() => decodeSia(broken(0x0a, '0a 06 ffffffffffff'))).toThrow(/timestamp/);
  });
});

/** Offset of the TLV with `tag` inside the extension (walks the TLVs, does not search blindly). */
function findTag(bytes: Uint8Array, tag: number): number {
  let at = bytes.indexOf(0x57) + 3;
  at += bytes[at] & 0x80 ? 2 : 1;
  while (bytes[at] !== tag) at += 2 + bytes[at + 1];
  return at;
}
