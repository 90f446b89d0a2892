import { DecodeError } from '@waken/wire';
import { EncapsulationError } from '../encapsulation.error';

/** USSD strings are at most 160 octets = 182 septets (3GPP TS 23.038 §6.1.2.3, TS 24.090). */
export const MAX_USSD_SEPTETS = 182;
const CR = 0x0d;

// The GSM 7-bit default alphabet agrees with ASCII on these characters (TS 23.038 §6.2.1), so
// base64 text needs no translation table; anything else is refused rather than mistranslated.
const SAME_AS_ASCII = /^[A-Za-z0-9+/=: ]*$/;

/**
 * Packs text into GSM 7-bit septets, LSB first (TS 23.038 §6.1.2.1.1), with the USSD rule of
 * §6.1.2.3.1: when 7 spare bits would remain in the last octet, a CR fills them so the receiver
 * does not read a trailing '@' (septet 0).
 */
export function packUssdText(text: string): Uint8Array {
  if (!SAME_AS_ASCII.test(text)) throw new EncapsulationError('bad-content', 'text outside the base64/ASCII subset of the GSM alphabet');
  const septets = Array.from(text, (c) => c.charCodeAt(0));
  if (septets.length % 8 === 7) septets.push(CR);
  if (text.length > MAX_USSD_SEPTETS) throw new EncapsulationError('too-large', `${text.length} characters; a USSD string holds ${MAX_USSD_SEPTETS}`);
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const s of septets) {
    acc |= s << bits;
    bits += 7;
    while (bits >= 8) {
      out.push(acc & 0xff);
      acc >>>= 8;
      bits -= 8;
    }
  }
  if (bits > 0) out.push(acc & 0xff);
  return Uint8Array.from(out);
}

/** The inverse of packUssdText; throws DecodeError outside the supported subset. */
export function unpackUssdText(packed: Uint8Array): string {
  if (packed.length > 160) throw new DecodeError('a USSD string is at most 160 octets', 0);
  const septets: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const octet of packed) {
    acc |= octet << bits;
    bits += 8;
    while (bits >= 7) {
      septets.push(acc & 0x7f);
      acc >>>= 7;
      bits -= 7;
    }
  }
  // A final CR on an octet boundary is the §6.1.2.3.1 fill character, not content.
  if (septets.length % 8 === 0 && septets[septets.length - 1] === CR) septets.pop();
  const text = String.fromCharCode(...septets);
  if (!SAME_AS_ASCII.test(text)) throw new DecodeError('septets outside the base64/ASCII subset of the GSM alphabet', 0);
  return text;
}
