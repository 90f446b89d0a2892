import { isIP } from 'node:net';

const MAX_URL = 1024;

/**
 * Loopback, private, link-local, CGNAT and unspecified addresses (reliability.md (d) "PI notify
 * URL": SSRF, OWASP API7 — private ranges denied).
 */
export function isPrivateAddress(ip: string): boolean {
  if (isIP(ip) === 4) {
    const [a, b] = ip.split('.').map(Number);
    return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
  }
  const v6 = ip.toLowerCase();
  if (v6.startsWith('::ffff:')) return isPrivateAddress(v6.slice(7));
  return v6 === '::' || v6 === '::1' || v6.startsWith('fc') || v6.startsWith('fd') || v6.startsWith('fe80');
}

/**
 * Why a notify URL is refused at accept time, or undefined: http(s), no credentials, at most
 * 1,024 characters, and no private host literal unless allowed. Names are checked again after
 * DNS resolution when the notification is sent.
 */
export function notifyUrlProblem(value: string, allowPrivate: boolean): string | undefined {
  if (value.length > MAX_URL || !/^[\x21-\x7e]+$/.test(value)) return 'notify URL too long or not printable ASCII';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'notify URL is not a URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'notify URL must be http or https';
  if (url.username || url.password) return 'notify URL must not carry credentials';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || (isIP(host) !== 0 && isPrivateAddress(host)))) return 'notify URL host is private';
  return undefined;
}
