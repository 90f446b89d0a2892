import { isIPv6 } from 'node:net';
import { PapError } from './pap-error';

/** Client address types this PPG serves (pap.md §5); WINA bearer types are refused. */
export const PAP_ADDRESS_TYPES = ['PLMN', 'IPv4', 'IPv6', 'USER'] as const;
export type PapAddressType = (typeof PAP_ADDRESS_TYPES)[number];

export interface PapAddress {
  readonly type: PapAddressType;
  /** Normalised: E.164 `+digits` (PLMN), dotted quad, lower-case IPv6, public user identity (USER). */
  readonly value: string;
  /** The `@ppg-fqdn` specifier, lower case, when given. */
  readonly ppg?: string;
}

export const MAX_ADDRESS_VALUE_LENGTH = 512;
export const MAX_CLIENT_ID_LENGTH = 256;

const PREFIX = 'wappush=';
const TYPE_SEP = '/type=';
// RFC 3986 unreserved + sub-delims + ":" "@" "%" : printable ASCII the address may carry raw
const RAW_CLIENT_ID = /^[A-Za-z0-9\-._~!$&'()*+,;=:@%[\]]+$/;
const FQDN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * Parses a PAP `address-value`: `WAPPUSH=<client-id>/TYPE=<type>[@<ppg>]` (WAP-249 client
 * addressing, pap.md §5). Keywords are case-insensitive, as in Kannel. Throws only PapError 2002.
 */
export function parsePapAddress(addressValue: string): PapAddress {
  if (typeof addressValue !== 'string' || addressValue.length > MAX_ADDRESS_VALUE_LENGTH) {
    throw addressError('address-value too long');
  }
  // printable ASCII only: keeps lower-casing index-preserving and homoglyphs out (reliability.md #20)
  if (!/^[\x21-\x7e]+$/.test(addressValue)) throw addressError('address-value has non-ASCII, space or control characters');
  if (addressValue.slice(0, PREFIX.length).toLowerCase() !== PREFIX) throw addressError('missing WAPPUSH=');
  // the client-id is %-escaped, so the last "/TYPE=" is the separator
  const sep = addressValue.toLowerCase().lastIndexOf(TYPE_SEP);
  if (sep < PREFIX.length) throw addressError('missing /TYPE=');
  const rawId = addressValue.slice(PREFIX.length, sep);
  const { type, ppg } = readTypeAndPpg(addressValue.slice(sep + TYPE_SEP.length));
  if (rawId.length === 0 || rawId.length > MAX_CLIENT_ID_LENGTH || !RAW_CLIENT_ID.test(rawId)) {
    throw addressError('client-id empty, too long or with characters that must be %-escaped');
  }
  const value = normaliseClientId(type, percentDecode(rawId));
  return ppg === undefined ? { type, value } : { type, value, ppg };
}

function readTypeAndPpg(rest: string): { type: PapAddressType; ppg?: string } {
  const at = rest.indexOf('@');
  const typeName = (at < 0 ? rest : rest.slice(0, at)).toLowerCase();
  const type = PAP_ADDRESS_TYPES.find((t) => t.toLowerCase() === typeName);
  if (!type) throw addressError(`unsupported address type ${JSON.stringify(typeName.slice(0, 32))}`);
  if (at < 0) return { type };
  const ppg = rest.slice(at + 1).toLowerCase();
  if (!FQDN.test(ppg)) throw addressError('ppg specifier is not a domain name');
  return { type, ppg };
}

/** RFC 3986 §2.1 percent-decoding to UTF-8; a malformed escape or invalid UTF-8 is an address error. */
function percentDecode(raw: string): string {
  if (!raw.includes('%')) return raw;
  if (/%(?![0-9A-Fa-f]{2})/.test(raw)) throw addressError('malformed %-escape');
  try {
    return decodeURIComponent(raw);
  } catch {
    throw addressError('%-escapes are not UTF-8');
  }
}

function normaliseClientId(type: PapAddressType, id: string): string {
  // homoglyph digits, spaces and controls never survive: only ASCII is accepted (reliability.md #20)
  if (!/^[\x21-\x7e]+$/.test(id)) throw addressError('client-id has spaces, controls or non-ASCII characters');
  switch (type) {
    case 'PLMN':
      return normalisePlmn(id);
    case 'IPv4':
      return normaliseIpv4(id);
    case 'IPv6':
      return normaliseIpv6(id);
    case 'USER':
      return normaliseUser(id);
  }
}

/** E.164 (ITU-T E.164 §6): at most 15 digits; a leading `+` is optional on input, always written. */
function normalisePlmn(id: string): string {
  if (!/^\+?[0-9]{1,15}$/.test(id)) throw addressError('PLMN address is not 1-15 digits with an optional leading +');
  return id.startsWith('+') ? id : `+${id}`;
}

/** Dotted quad, no leading zeros (they read as octal elsewhere). */
function normaliseIpv4(id: string): string {
  const octets = id.split('.');
  const ok = octets.length === 4 && octets.every((o) => /^(0|[1-9][0-9]{0,2})$/.test(o) && Number(o) <= 255);
  if (!ok) throw addressError('IPv4 address is not a dotted quad');
  return id;
}

function normaliseIpv6(id: string): string {
  if (id.includes('%') || !isIPv6(id)) throw addressError('IPv6 address is not valid');
  return id.toLowerCase();
}

const SIP_URI = /^(sips?):([A-Za-z0-9\-_.!~*'()&=+$,/]+)@([A-Za-z0-9.-]+)$/i;
const TEL_URI = /^tel:\+[0-9().-]*[0-9][0-9().-]*$/i;
const PLAIN_USER = /^([A-Za-z0-9\-_.!~*'()&=+$,/]+)@([A-Za-z0-9.-]+)$/;

/**
 * TYPE=USER carries the public user identity (seed §S1): a SIP(S) URI, a tel URI, or
 * `user@domain`, which becomes `sip:user@domain`. URI parameters and headers are refused:
 * the PI names a user, the PPG picks the devices (seed §S3).
 */
function normaliseUser(id: string): string {
  const sip = SIP_URI.exec(id);
  if (sip) return `${sip[1].toLowerCase()}:${sip[2]}@${host(sip[3])}`;
  if (TEL_URI.test(id)) return `tel:${id.slice(4)}`;
  const plain = PLAIN_USER.exec(id);
  if (plain) return `sip:${plain[1]}@${host(plain[2])}`;
  throw addressError('USER address is not a sip:, sips:, tel: URI or user@domain');
}

function host(name: string): string {
  const lower = name.toLowerCase();
  if (!FQDN.test(lower)) throw addressError('USER address host is not a domain name');
  return lower;
}

/** Writes an address-value back (e.g. in resultnotification-message), %-escaping the client-id. */
export function formatPapAddress(address: PapAddress): string {
  const id = address.type === 'USER' ? encodeURIComponent(address.value) : address.value;
  return `WAPPUSH=${id}/TYPE=${address.type}${address.ppg === undefined ? '' : `@${address.ppg}`}`;
}

function addressError(desc: string): PapError {
  return new PapError(2002, desc);
}
