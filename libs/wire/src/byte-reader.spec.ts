import fc from 'fast-check';
import { ByteReader, ByteWriter, DecodeError, encodeUintvar, fromHex, toHex } from './index';

describe('uintvar', () => {
  it.each([
    [0, '00'],
    [127, '7f'],
    [128, '8100'],
    [300, '822c'],
    [16384, '818000'],
    [0xffffffff, '8fffffff7f'],
  ])('%d encodes as %s (wsp-wdp-sms.md §5) and decodes back', (value, hex) => {
    expect(toHex(encodeUintvar(value))).toBe(hex);
    expect(new ByteReader(fromHex(hex)).uintvar()).toBe(value);
  });

  it('refuses more than 5 octets and values past 32 bits', () => {
    expect(() => new ByteReader(fromHex('8080808080')).uintvar()).toThrow(DecodeError);
    expect(() => new ByteReader(fromHex('9fffffff7f')).uintvar()).toThrow(/32 bits/);
  });

  it('round-trips every 32-bit value', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 0xffffffff }), (v) => new ByteReader(encodeUintvar(v)).uintvar() === v));
  });
});

describe('ByteReader', () => {
  it('never reads past the end, whatever the declared length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: -5, max: 0xffffffff }), (bytes, n) => {
        const r = new ByteReader(bytes);
        try {
          const out = r.bytes(n);
          return out.length === n && n <= bytes.length;
        } catch (e) {
          return e instanceof DecodeError;
        }
      }),
    );
  });

  it('reads NUL-terminated UTF-8 and refuses invalid UTF-8 or a missing NUL', () => {
    const w = new ByteWriter().cString('grüß').u8(7);
    const r = new ByteReader(w.toBytes());
    expect(r.cString()).toBe('grüß');
    expect(r.u8()).toBe(7);
    expect(() => new ByteReader(Uint8Array.from([0xc3, 0x28, 0])).cString()).toThrow(/UTF-8/);
    expect(() => new ByteReader(Uint8Array.from([0x41])).cString()).toThrow(/NUL/);
  });

  it('rejects malformed hex', () => {
    expect(() => fromHex('abc')).toThrow(DecodeError);
    expect(() => fromHex('zz')).toThrow(DecodeError);
    expect(toHex(fromHex('0B 84:23f0'))).toBe('0b8423f0');
  });
});
