import { DecodeError, fromHex, toHex } from '@waken/wire';
import { gtpuGpdu, parseGtpuGpdu } from './gtpu-gpdu';

describe('GTP-U G-PDU (3GPP TS 29.281 §5.1)', () => {
  it('writes 30 FF length TEID then the T-PDU', () => {
    expect(toHex(gtpuGpdu({ teid: 0x01020304, tpdu: Uint8Array.of(0x45, 0) }))).toBe('30ff0002010203044500');
    expect(parseGtpuGpdu(gtpuGpdu({ teid: 0xffffffff, tpdu: Uint8Array.of(9) }))).toEqual({ teid: 0xffffffff, tpdu: Uint8Array.of(9) });
  });

  it('reads the optional fields and an extension header chain', () => {
    // S flag, seq 0x0001, N-PDU 0, next ext 0x85 (PDU session container, 1 unit), then none
    const bytes = fromHex('36ff000a 00000007 0001 00 85 01 10 01 00 4500');
    expect(parseGtpuGpdu(bytes)).toEqual({ teid: 7, tpdu: Uint8Array.of(0x45, 0) });
  });

  it('refuses wrong versions, types, lengths and bad extensions with DecodeError', () => {
    for (const hex of ['10ff000000000001', '30fe000000000001', '30ff000500000001ab', '30ff000000000001ab', '34ff0004000000010000008500', '32ff000400000001000000ff']) {
      expect(() => parseGtpuGpdu(fromHex(hex))).toThrow(DecodeError);
    }
    expect(() => gtpuGpdu({ teid: -1, tpdu: new Uint8Array(0) })).toThrow(expect.objectContaining({ reason: 'bad-address' }));
  });
});
