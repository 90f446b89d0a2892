import {
  formatNameAddr, getHeader, parseCSeq, parseNameAddr, sameHeaderName, type SipHeader, type SipRequest,
} from '@waken/bearer-sip';
import type { SipOutgoingRequest } from '@waken/bearer-sip-transport';

// Set by the proxy's own endpoint or carried as fields; Route is dropped like Kamailio's
// `remove_hf("Route")`, Proxy-* are for this hop only (RFC 3261 §16.6).
const NOT_COPIED = [
  'Via', 'Route', 'Max-Forwards', 'From', 'To', 'Call-ID', 'CSeq', 'Contact', 'Content-Type', 'Content-Length',
  'Proxy-Require', 'Proxy-Authorization',
];

function required(request: SipRequest, name: string): string {
  const value = getHeader(request, name);
  if (value === undefined) throw new RangeError(`request without ${name}`);
  return value;
}

/** Bracketed, so that params stay header params when the sender wraps it (RFC 3261 §20.10). */
function normalised(value: string): string {
  return formatNameAddr(parseNameAddr(value));
}

export function copiedHeaders(headers: readonly SipHeader[]): SipHeader[] {
  return headers.filter((h) => !NOT_COPIED.some((name) => sameHeaderName(h.name, name)));
}

/**
 * The request re-issued to one contact (RFC 3261 §16.6 step 6: the Request-URI becomes
 * the contact; the GRUU or AOR stays in To). From, To, Call-ID, CSeq, Contact, body and
 * every end-to-end header are kept; the proxy's endpoint adds its own Via.
 * Throws SipParseError when From, To or CSeq do not parse.
 */
export function forwardedRequest(request: SipRequest, target: string): SipOutgoingRequest {
  const contact = getHeader(request, 'Contact');
  const contentType = getHeader(request, 'Content-Type');
  return {
    method: request.method,
    requestUri: target,
    from: normalised(required(request, 'From')),
    to: normalised(required(request, 'To')),
    callId: required(request, 'Call-ID'),
    cseq: parseCSeq(required(request, 'CSeq')).seq,
    // RFC 3261 §16.6 step 3: one hop less (the router has refused 0 already)
    maxForwards: Math.max(0, Number(getHeader(request, 'Max-Forwards') ?? 70) - 1),
    ...(contact === undefined ? {} : { contact: normalised(contact) }),
    headers: copiedHeaders(request.headers),
    ...(contentType === undefined ? {} : { contentType }),
    body: request.body,
  };
}
