import { SipParseError } from './sip-parse-error';
import { formatParams, paramValue, parseParams, type SipParam } from './sip-params';

/** RFC 3261 §19.1.1 SIP/SIPS URI. `headers` is the raw text after `?`. */
export interface SipUri {
  readonly scheme: 'sip' | 'sips';
  readonly user?: string;
  readonly password?: string;
  readonly host: string;
  readonly port?: number;
  readonly params: readonly SipParam[];
  readonly headers?: string;
}

const USER = /^[A-Za-z0-9\-_.!~*'()&=+$,;?/%]+$/;
const PASSWORD = /^[A-Za-z0-9\-_.!~*'()&=+$,%]*$/;
const HOST = /^(?:\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9\-.]+)$/;
const HEADERS = /^[A-Za-z0-9\-_.!~*'()[\]/?:+$%=&]*$/;
const HOSTPORT = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/;

function fail(what: string): never {
  throw new SipParseError(`malformed SIP URI ${what}`, 400);
}

function parseUserinfo(text: string): Pick<SipUri, 'user' | 'password'> {
  const colon = text.indexOf(':');
  const user = colon < 0 ? text : text.slice(0, colon);
  const password = colon < 0 ? undefined : text.slice(colon + 1);
  if (!USER.test(user)) fail('user');
  if (password !== undefined && !PASSWORD.test(password)) fail('password');
  return password === undefined ? { user } : { user, password };
}

function parseHostport(text: string): Pick<SipUri, 'host' | 'port'> {
  const m = HOSTPORT.exec(text);
  if (!m || !HOST.test(m[1])) fail('host');
  if (m[2] === undefined) return { host: m[1] };
  const port = Number(m[2]);
  if (port > 65535) fail('port');
  return { host: m[1], port };
}

/** Parses `sip:user@host:port;params?headers`; throws SipParseError. */
export function parseSipUri(text: string): SipUri {
  const m = /^(sips?):(.+)$/i.exec(text.trim());
  if (!m) fail('scheme');
  const scheme = m[1].toLowerCase() as SipUri['scheme'];
  const at = m[2].indexOf('@');
  const userinfo = at < 0 ? {} : parseUserinfo(m[2].slice(0, at));
  const rest = m[2].slice(at + 1);
  const q = rest.indexOf('?');
  const headers = q < 0 ? undefined : rest.slice(q + 1);
  if (headers !== undefined && !HEADERS.test(headers)) fail('headers');
  const [hostport, ...params] = (q < 0 ? rest : rest.slice(0, q)).split(';');
  if (params.some((p) => p === '')) fail('parameters');
  const uri: SipUri = { scheme, ...userinfo, ...parseHostport(hostport), params: parseParams(params.join(';')) };
  return headers === undefined ? uri : { ...uri, headers };
}

export function formatSipUri(uri: SipUri): string {
  const userinfo = uri.user === undefined ? '' : `${uri.user}${uri.password === undefined ? '' : `:${uri.password}`}@`;
  const port = uri.port === undefined ? '' : `:${uri.port}`;
  const headers = uri.headers === undefined ? '' : `?${uri.headers}`;
  return `${uri.scheme}:${userinfo}${uri.host}${port}${formatParams(uri.params)}${headers}`;
}

/** RFC 5627 §3.1: a URI with a `gr` parameter is a GRUU (value = instance id for a public GRUU). */
export function isGruu(uri: SipUri): boolean {
  return paramValue(uri.params, 'gr') !== undefined;
}
