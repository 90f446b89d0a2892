import { Fail } from './fail';
import { normalisePercentEncoding } from './percent-encoding';
import { formatSipUri, parseSipUri } from './sip-uri';
import { normaliseUrn } from './urn';

// RFC 3986 §3.1 scheme; the rest uses only unreserved, reserved and '%' characters.
const ABSOLUTE = /^([A-Za-z][A-Za-z0-9+.-]*):([A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+)$/;

/**
 * Absolute URI (RFC 3986 §4.3) in the §6.2.2 syntax-based normal form: scheme and host
 * lower-case, percent-encodings normalised. URNs and SIP URIs get their own, stricter
 * comparison rules (RFC 8141, RFC 3261 §19.1.4) so that each identity has one spelling.
 */
export function normaliseUri(value: string, fail: Fail): string {
  const match = ABSOLUTE.exec(value);
  if (!match) return fail('not an absolute URI (scheme:rest, no spaces or non-ASCII)');
  const scheme = match[1].toLowerCase();
  if (scheme === 'urn') return normaliseUrn(value, fail);
  if (scheme === 'sip' || scheme === 'sips') return formatSipUri(parseSipUri(value, fail));
  const rest = normalisePercentEncoding(match[2], fail);
  return `${scheme}:${rest.startsWith('//') ? lowerCaseHost(rest) : rest}`;
}

/** `//userinfo@host:port/path`: only the host is case-insensitive. */
function lowerCaseHost(rest: string): string {
  const end = rest.slice(2).search(/[/?#]/);
  const authority = end < 0 ? rest.slice(2) : rest.slice(2, 2 + end);
  const tail = end < 0 ? '' : rest.slice(2 + end);
  const at = authority.lastIndexOf('@');
  const userinfo = authority.slice(0, at + 1);
  const hostPort = authority.slice(at + 1);
  const portAt = hostPort.startsWith('[') ? hostPort.indexOf(']') + 1 : hostPort.indexOf(':');
  const split = portAt <= 0 ? hostPort.length : portAt;
  return `//${userinfo}${hostPort.slice(0, split).toLowerCase()}${hostPort.slice(split)}${tail}`;
}
