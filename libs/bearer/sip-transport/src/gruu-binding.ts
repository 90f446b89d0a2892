import { getHeader, getHeaders, paramValue, parseNameAddr, unquote, type NameAddr, type SipResponse } from '@waken/bearer-sip';

/** What a registrar granted one instance (RFC 5627 §5.1). */
export interface GruuBinding {
  readonly contact: string;
  readonly expires: number;
  /** absent when the registrar does not support GRUU */
  readonly pubGruu?: string;
  readonly tempGruu?: string;
}

function tryParse(value: string): NameAddr | undefined {
  try {
    return parseNameAddr(value);
  } catch {
    return undefined;
  }
}

function instanceOf(addr: NameAddr): string | undefined {
  const raw = paramValue(addr.params, '+sip.instance');
  return raw ? unquote(raw).replace(/^<|>$/g, '').toLowerCase() : undefined;
}

function optional(addr: NameAddr, name: string): string | undefined {
  const raw = paramValue(addr.params, name);
  return raw ? unquote(raw) : undefined;
}

/**
 * Finds our binding among the Contacts of a REGISTER 200 OK (which lists every binding of
 * the AOR, other devices' too) by `+sip.instance`, preferring the one with our contact URI.
 */
export function readGruuBinding(response: SipResponse, instanceId: string, contactUri: string): GruuBinding | undefined {
  const ours = getHeaders(response, 'Contact')
    .map(tryParse)
    .filter((a): a is NameAddr => a !== undefined && instanceOf(a) === instanceId.toLowerCase());
  const addr = ours.find((a) => a.uri === contactUri) ?? ours[0];
  if (!addr) return undefined;
  const expires = Number(paramValue(addr.params, 'expires') ?? getHeader(response, 'Expires') ?? NaN);
  const binding = { contact: addr.uri, expires: Number.isFinite(expires) ? expires : 0 };
  const pubGruu = optional(addr, 'pub-gruu');
  const tempGruu = optional(addr, 'temp-gruu');
  return { ...binding, ...(pubGruu ? { pubGruu } : {}), ...(tempGruu ? { tempGruu } : {}) };
}
