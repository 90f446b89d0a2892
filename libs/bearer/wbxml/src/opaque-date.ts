import { DecodeError } from '@waken/wire';
import { WbxmlCompileError } from './wbxml-compile-error';

const ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/**
 * SI §9.2.2 (si-sl-wbxml.md §2): the 14 digits YYYYMMDDhhmmss as 7 BCD octets,
 * trailing zero octets dropped. `2024-05-08T00:00:00Z` → `20 24 05 08`.
 */
export function encodeOpaqueDate(value: string): Uint8Array {
  const match = ISO.exec(value);
  const [, , month, day, hour, minute, second] = (match ?? []).map(Number);
  if (!match || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    throw new WbxmlCompileError('invalid-value', `not a YYYY-MM-DDThh:mm:ssZ date: ${JSON.stringify(value)}`);
  }
  const digits = match.slice(1).join('');
  const octets = Array.from({ length: 7 }, (_, i) => parseInt(digits.slice(2 * i, 2 * i + 2), 16));
  while (octets.length > 0 && octets[octets.length - 1] === 0) octets.pop();
  return Uint8Array.from(octets);
}

/** The inverse; missing trailing octets are zero. Refuses non-BCD nibbles and more than 7 octets. */
export function decodeOpaqueDate(octets: Uint8Array, offset: number): string {
  if (octets.length > 7) throw new DecodeError(`OPAQUE date of ${octets.length} octets`, offset);
  let digits = '';
  for (let i = 0; i < 7; i++) {
    const octet = octets[i] ?? 0;
    if (octet >> 4 > 9 || (octet & 0x0f) > 9) throw new DecodeError('OPAQUE date is not BCD', offset);
    digits += octet.toString(16).padStart(2, '0');
  }
  const [y, mo, d, h, mi, s] = [digits.slice(0, 4), ...(digits.slice(4).match(/\d\d/g) ?? [])];
  return `${y}-${mo}-${d}T${h}:${mi}:${s}Z`;
}
