import { Fail } from './fail';

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * RFC 3986 §6.2.2.1-2: percent-encodings are upper-case, and an encoded unreserved
 * character is decoded, so equivalent spellings compare equal. A '%' not followed by two
 * hex digits is an error.
 */
export function normalisePercentEncoding(text: string, fail: Fail): string {
  return text.replace(/%(.{0,2})/g, (_match, hex: string) => {
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return fail(`bad percent-encoding "%${hex}"`);
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : `%${hex.toUpperCase()}`;
  });
}
