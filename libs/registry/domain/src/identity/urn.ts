import { Fail } from './fail';
import { normalisePercentEncoding } from './percent-encoding';
import { normaliseUuid } from './uuid';

// RFC 8141 §2: NID = alphanum 0*30(alphanum / "-") alphanum (2-32 characters).
const URN = /^urn:([a-z0-9][a-z0-9-]{0,30}[a-z0-9]):(.*)$/i;
// NSS = pchar *(pchar / "/"), pchar = unreserved / pct-encoded / sub-delims / ":" / "@".
const NSS = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;

/**
 * RFC 8141 URN: "urn" and the NID lower-case, percent-encodings normalised (§3.1). The
 * r-, q- and f-components (?+ ?= #) do not take part in URN equivalence, so a device
 * identity must not carry them. `urn:uuid:` is also case-folded (RFC 4122 §3).
 */
export function normaliseUrn(value: string, fail: Fail): string {
  const match = URN.exec(value);
  if (!match) return fail('not urn:<nid>:<nss> with a 2-32 character NID (RFC 8141)');
  const nid = match[1].toLowerCase();
  if (/[?#]/.test(match[2])) return fail('r-/q-/f-components (? or #) are not part of a device identity');
  if (!NSS.test(match[2])) return fail('bad namespace-specific string');
  if (nid === 'uuid') return normaliseUuid(`urn:uuid:${match[2]}`, fail);
  return `urn:${nid}:${normalisePercentEncoding(match[2], fail)}`;
}
