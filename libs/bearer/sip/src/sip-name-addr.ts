import { SipParseError } from './sip-parse-error';
import { formatParams, paramValue, parseParams, type SipParam } from './sip-params';
import { quote } from './sip-text';

/**
 * From/To/Contact/Route value (RFC 3261 §20.10, §25.1): `"Name" <uri>;params` or
 * `uri;params`. `uri` is kept as text (it may be sip:, sips:, tel:, urn:...); `*` is the
 * wildcard Contact. Params are header parameters: tag, expires, +sip.instance, pub-gruu...
 */
export interface NameAddr {
  readonly displayName?: string;
  readonly uri: string;
  readonly params: readonly SipParam[];
}

const URI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"]+$/;
const TOKENS = /^[A-Za-z0-9\-.!%*_+`'~ \t]*$/;

function fail(what: string): never {
  throw new SipParseError(`malformed name-addr: ${what}`, 400);
}

function closingQuote(text: string): number {
  for (let i = 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return fail('unterminated display name');
}

function displayAndRest(text: string): { displayName?: string; rest: string } {
  if (text.startsWith('"')) {
    const end = closingQuote(text);
    const displayName = text.slice(1, end).replace(/\\(.)/g, '$1');
    return { displayName, rest: text.slice(end + 1).trimStart() };
  }
  const lt = text.indexOf('<');
  if (lt < 0) return { rest: text };
  const name = text.slice(0, lt).trim();
  if (!TOKENS.test(name)) fail('display name');
  return name === '' ? { rest: text.slice(lt) } : { displayName: name, rest: text.slice(lt) };
}

function afterParams(text: string): SipParam[] {
  const t = text.trim();
  if (t === '') return [];
  if (!t.startsWith(';')) fail('text after the URI');
  return parseParams(t.slice(1));
}

export function parseNameAddr(text: string): NameAddr {
  const { displayName, rest } = displayAndRest(text.trim());
  let uri: string;
  let params: SipParam[];
  if (rest.startsWith('<')) {
    const gt = rest.indexOf('>');
    if (gt < 0) fail('missing >');
    uri = rest.slice(1, gt).trim();
    params = afterParams(rest.slice(gt + 1));
  } else {
    if (displayName !== undefined) fail('display name without <uri>');
    // §20.10: without brackets, everything after the first ';' is a header parameter.
    const semi = rest.indexOf(';');
    uri = (semi < 0 ? rest : rest.slice(0, semi)).trim();
    params = semi < 0 ? [] : afterParams(rest.slice(semi));
  }
  if (uri !== '*' && !URI.test(uri)) fail('URI');
  return displayName === undefined ? { uri, params } : { displayName, uri, params };
}

export function formatNameAddr(addr: NameAddr): string {
  if (addr.uri !== '*' && !URI.test(addr.uri)) fail('URI');
  const uri = addr.uri === '*' ? '*' : `<${addr.uri}>`;
  const display = addr.displayName === undefined ? '' : `${quote(addr.displayName)} `;
  return `${display}${uri}${formatParams(addr.params)}`;
}

/** The `tag` of a From/To value, if any (RFC 3261 §19.3). */
export function nameAddrTag(value: string): string | undefined {
  return paramValue(parseNameAddr(value).params, 'tag') ?? undefined;
}
