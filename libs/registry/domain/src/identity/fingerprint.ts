import { Fail } from './fail';

const MIN_BYTES = 16;
const MAX_BYTES = 64;

/**
 * Fingerprint: a digest of device, key or certificate attributes, at least 128 bits so
 * that it is stable and unique enough to address a device (spec README, device identity
 * types). Accepts hex (optionally colon-separated octets, as certificate fingerprints are
 * printed) or base64url (RFC 4648 §5, padding optional). Canonical: lower-case hex.
 * A string that is valid hex is read as hex: the ambiguity is resolved in hex's favour.
 */
export function normaliseFingerprint(value: string, fail: Fail): string {
  const hex = readHex(value) ?? readBase64Url(value, fail);
  const bytes = hex.length / 2;
  if (bytes < MIN_BYTES) return fail(`shorter than ${MIN_BYTES} bytes`);
  if (bytes > MAX_BYTES) return fail(`longer than ${MAX_BYTES} bytes`);
  return hex;
}

function readHex(value: string): string | undefined {
  if (/^[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2})+$/.test(value)) return value.replace(/:/g, '').toLowerCase();
  if (/^(?:[0-9A-Fa-f]{2})+$/.test(value)) return value.toLowerCase();
  return undefined;
}

function readBase64Url(value: string, fail: Fail): string {
  const bare = value.replace(/={1,2}$/, '');
  if (!/^[A-Za-z0-9_-]+$/.test(bare) || bare.length % 4 === 1) return fail('neither hex nor base64url');
  if (bare !== value && value.length % 4 !== 0) return fail('base64url padding does not fill the last quantum');
  const bytes = Buffer.from(bare, 'base64url');
  // Non-zero bits after the last full byte would give two spellings of one value.
  if (bytes.toString('base64url') !== bare) return fail('base64url with non-canonical trailing bits');
  return bytes.toString('hex');
}
