import { isIPv4, isIPv6 } from 'node:net';
import { Fail } from './fail';

const HOSTNAME = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * A host as it appears in a SIP or UDP address: a DNS name, an IPv4 dotted quad, or an
 * IPv6 reference in brackets. Returns it lower-case, IPv6 in RFC 5952 compressed form,
 * since hosts compare case-insensitively (RFC 3261 §19.1.4, RFC 3986 §6.2.2.1).
 */
export function normaliseHost(host: string, fail: Fail): string {
  if (host.startsWith('[')) return `[${normaliseIPv6(host, fail)}]`;
  const lower = host.toLowerCase();
  if (/^[0-9.]+$/.test(lower)) return normaliseIPv4(lower, fail);
  if (lower.length > 253 || !HOSTNAME.test(lower)) return fail(`bad host "${host.slice(0, 64)}"`);
  return lower;
}

/** IPv4 dotted quad; leading zeros are refused because some stacks read them as octal. */
export function normaliseIPv4(text: string, fail: Fail): string {
  if (!isIPv4(text)) return fail(`bad IPv4 address "${text.slice(0, 64)}"`);
  return text;
}

/** "[v6]" in, compressed lower-case v6 out (no brackets). Zone ids are refused. */
export function normaliseIPv6(bracketed: string, fail: Fail): string {
  const inner = bracketed.slice(1, -1);
  if (!bracketed.endsWith(']') || !isIPv6(inner) || inner.includes('%')) {
    return fail(`bad IPv6 reference "${bracketed.slice(0, 64)}"`);
  }
  // WHATWG URL prints IPv6 in the RFC 5952 canonical form.
  return new URL(`http://[${inner}]/`).hostname.slice(1, -1);
}
