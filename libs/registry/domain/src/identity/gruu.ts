import { Fail } from './fail';
import { normaliseUrn } from './urn';
import { formatSipUri, parseSipUri, sipParam } from './sip-uri';

// Characters of a URN that may not stand bare in a SIP URI parameter value (RFC 3261 §25.1).
const NOT_PARAMCHAR = /[^A-Za-z0-9\-_.!~*'()[\]/:&+$%]/g;

/**
 * GRUU (RFC 5627 §3.1): a sip:/sips: URI with a `gr` parameter. A public GRUU carries the
 * instance id (`;gr=urn:uuid:…`), canonicalised lower-case; a temporary GRUU has a bare
 * `;gr` and an opaque user part, kept as it is. Scheme and host are lower-cased, the user
 * part kept, other parameters sorted (RFC 3261 §19.1.4 ignores their order).
 */
export function normaliseGruu(value: string, fail: Fail): string {
  const uri = parseSipUri(value, fail);
  const gr = sipParam(uri, 'gr');
  if (!gr) return fail('a GRUU needs a "gr" URI parameter (RFC 5627 §3.1)');
  if (gr[1] !== undefined) gr[1] = normaliseInstanceId(gr[1], fail);
  return formatSipUri(uri);
}

/** True when a sip:/sips: address carries a `gr` parameter, i.e. routes to one instance. */
export function isGruu(value: string): boolean {
  try {
    return sipParam(parseSipUri(value, throwIt), 'gr') !== undefined;
  } catch {
    return false;
  }
}

function normaliseInstanceId(value: string, fail: Fail): string {
  // Some registrars escape the colons of the instance URN inside the parameter.
  const text = /^urn%3a/i.test(value) ? value.replace(/%3a/gi, ':') : value;
  if (!/^urn:/i.test(text)) return text;
  return normaliseUrn(text, fail).replace(NOT_PARAMCHAR, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function throwIt(reason: string): never {
  throw new Error(reason);
}
