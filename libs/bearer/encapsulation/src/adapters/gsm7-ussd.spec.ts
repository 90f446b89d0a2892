import fc from 'fast-check';
import { toHex } from '@waken/wire';
import { MAX_USSD_SEPTETS, packUssdText, unpackUssdText } from './gsm7-ussd';

describe('GSM 7-bit packing for USSD (3GPP TS 23.038 §6.1.2)', () => {
  it('packs the classic vector "hellohello" to E8 32 9B FD 46 97 D9 EC 37', () => {
    expect(toHex(packUssdText('hellohello'))).toBe('e8329bfd4697d9ec37');
  });

  it('fills 7 spare bits with CR, not with a septet that reads as "@" (§6.1.2.3.1)', () => {
    const packed = packUssdText('ABCDEFG'); // 7 characters: 49 bits in 7 octets
    expect(packed).toHaveLength(7);
    expect(packed[6] >> 1).toBe(0x0d);
    expect(unpackUssdText(packed)).toBe('ABCDEFG');
  });

  it('round-trips every text of the supported alphabet up to 182 characters', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=: ';
    const text = fc.array(fc.constantFrom(...alphabet), { maxLength: MAX_USSD_SEPTETS }).map((cs) => cs.join(''));
    fc.assert(fc.property(text, (t) => unpackUssdText(packUssdText(t)) === t && packUssdText(t).length <= 160));
  });

  it('refuses characters the GSM alphabet maps differently, and over-long text', () => {
    for (const t of ['a@b', 'x_y', 'é', 'a\r\nb', 'A'.repeat(MAX_USSD_SEPTETS + 1)]) expect(() => packUssdText(t)).toThrow(expect.objectContaining({ name: 'EncapsulationError' }));
  });
});
