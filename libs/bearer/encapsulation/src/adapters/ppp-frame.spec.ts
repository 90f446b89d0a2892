import fc from 'fast-check';
import { DecodeError, toHex } from '@waken/wire';
import { fcs16, pppFrame, pppUnframe } from './ppp-frame';

describe('PPP in HDLC-like framing (RFC 1662)', () => {
  it('FCS-16 of "123456789" is the CRC-16/X-25 check value 906E', () => {
    expect(fcs16(new TextEncoder().encode('123456789')) ^ 0xffff).toBe(0x906e);
  });

  it('frames FF 03 00 21 + datagram + FCS between flags, escaping 7E, 7D and control octets', () => {
    const frame = pppFrame(Uint8Array.of(0x45, 0x7e, 0x7d, 0x11, 0x20));
    expect(toHex(frame.subarray(0, 15))).toBe('7eff7d237d202145' + '7d5e7d5d7d3120');
    expect(frame[frame.length - 1]).toBe(0x7e);
    expect([...frame.subarray(1, -1)]).not.toContain(0x7e);
  });

  it('round-trips any datagram under any ACCM', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 0, max: 0xffffffff }), (d, accm) => toHex(pppUnframe(pppFrame(d, accm))) === toHex(d)));
  });

  it('refuses a corrupted frame with DecodeError', () => {
    const frame = pppFrame(Uint8Array.of(0x45, 0, 1, 2));
    const flipped = frame.slice();
    flipped[6] ^= 0x01;
    for (const bad of [flipped, frame.subarray(0, -1), Uint8Array.of(0x7e, 0x7e), Uint8Array.of(0x7e, 0x7d, 0x7e)]) expect(() => pppUnframe(bad)).toThrow(DecodeError);
  });
});
