import { Fail } from './fail';
import { normaliseHost } from './host';
import { normalisePercentEncoding } from './percent-encoding';

/** A parsed sip:/sips: URI (RFC 3261 §19.1.1), without headers. */
export interface SipUri {
  scheme: 'sip' | 'sips';
  user?: string;
  host: string;
  port?: number;
  /** Lower-case names, in the order written; a value is undefined for a bare flag (`;lr`, `;gr`). */
  params: Array<[string, string | undefined]>;
}

// RFC 3261 §25.1: user = 1*( unreserved / escaped / user-unreserved ).
const USER = /^(?:[A-Za-z0-9\-_.!~*'()&=+$,;?/]|%[0-9A-Fa-f]{2})+$/;
// paramchar = param-unreserved / unreserved / escaped.
const PARAM_NAME = /^(?:[A-Za-z0-9\-_.!~*'()[\]/:&+$]|%[0-9A-Fa-f]{2})+$/;
const PARAM_VALUE = PARAM_NAME;
// Parameters whose values are case-insensitive tokens (RFC 3261 §19.1.4).
const TOKEN_PARAMS = new Set(['transport', 'user', 'method', 'maddr', 'ttl', 'lr']);

export function parseSipUri(text: string, fail: Fail): SipUri {
  const match = /^(sips?):(.*)$/i.exec(text);
  if (!match) return fail('not a sip: or sips: URI');
  const scheme = match[1].toLowerCase() as 'sip' | 'sips';
  const at = match[2].lastIndexOf('@');
  const user = at >= 0 ? parseUser(match[2].slice(0, at), fail) : undefined;
  const rest = match[2].slice(at + 1);
  if (rest.includes('?')) return fail('URI headers (?...) are not allowed here');
  const [hostPort, ...rawParams] = rest.split(';');
  const { host, port } = parseHostPort(hostPort, fail);
  return { scheme, user, host, port, params: parseParams(rawParams, fail) };
}

/** RFC 3261 §19.1.4 comparison form: scheme and host lower-case, user kept, params sorted. */
export function formatSipUri(uri: SipUri): string {
  const user = uri.user === undefined ? '' : `${uri.user}@`;
  const port = uri.port === undefined ? '' : `:${uri.port}`;
  const params = [...uri.params]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => (value === undefined ? `;${name}` : `;${name}=${value}`))
    .join('');
  return `${uri.scheme}:${user}${uri.host}${port}${params}`;
}

export function sipParam(uri: SipUri, name: string): [string, string | undefined] | undefined {
  return uri.params.find(([n]) => n === name);
}

function parseUser(user: string, fail: Fail): string {
  if (user.includes(':')) return fail('a password in the URI is not allowed');
  if (!USER.test(user)) return fail('bad user part');
  return normalisePercentEncoding(user, fail);
}

function parseHostPort(hostPort: string, fail: Fail): { host: string; port?: number } {
  const match = /^(\[[^\]]*\]|[^:[\]]*)(?::([0-9]{1,5}))?$/.exec(hostPort);
  if (!match || match[1] === '') return fail('bad host or port');
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return fail(`port ${port} out of range`);
  return { host: normaliseHost(match[1], fail), port };
}

function parseParams(raw: string[], fail: Fail): Array<[string, string | undefined]> {
  const seen = new Set<string>();
  return raw.map((param) => {
    const eq = param.indexOf('=');
    const name = (eq < 0 ? param : param.slice(0, eq)).toLowerCase();
    const value = eq < 0 ? undefined : param.slice(eq + 1);
    if (!PARAM_NAME.test(name)) return fail(`bad URI parameter "${param.slice(0, 32)}"`);
    if (value !== undefined && !PARAM_VALUE.test(value)) return fail(`bad value for URI parameter "${name}"`);
    if (seen.has(name)) return fail(`URI parameter "${name}" repeated`);
    seen.add(name);
    return [name, value !== undefined && TOKEN_PARAMS.has(name) ? value.toLowerCase() : value];
  });
}
