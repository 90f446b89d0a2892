import { InvalidAddress } from './invalid-address.error';
import { Fail } from './identity/fail';

const MIN_DIGITS = 7;
const MAX_DIGITS = 15;

/**
 * An MSISDN in E.164 form, `+` and 7-15 ASCII digits (ITU-T E.164 §6: at most 15 digits;
 * the shortest numbering plans give 7 with the country code). Accepts `+CC…`, the
 * international prefix `00CC…` and bare international digits; outer whitespace is trimmed.
 * Refused (reliability.md #20): spaces or separators inside, more than 15 digits, a
 * leading 0 after the prefix (a national number needs a country we do not know), and
 * non-ASCII digits such as full-width or Arabic-Indic ones, which look right but are not.
 */
export function normaliseMsisdn(input: string): string {
  const fail: Fail = (reason) => {
    throw new InvalidAddress('msisdn', reason, input);
  };
  if (typeof input !== 'string') return fail('not a string');
  if (input.length > 64) return fail('too long');
  const text = input.trim();
  if (/(?![0-9])\p{Nd}/u.test(text)) return fail('contains non-ASCII digits');
  const digits = text.startsWith('+') ? text.slice(1) : text.startsWith('00') ? text.slice(2) : text;
  if (!/^[0-9]+$/.test(digits)) return fail('only "+" and ASCII digits are allowed, without spaces or separators');
  if (digits.startsWith('0')) return fail('a national number (leading 0) cannot be made international');
  if (digits.length > MAX_DIGITS) return fail(`more than ${MAX_DIGITS} digits (E.164)`);
  if (digits.length < MIN_DIGITS) return fail(`fewer than ${MIN_DIGITS} digits`);
  return `+${digits}`;
}
