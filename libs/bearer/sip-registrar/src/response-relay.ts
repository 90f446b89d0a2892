import { getHeader, nameAddrTag, sameHeaderName, type SipResponse } from '@waken/bearer-sip';
import type { IncomingSipRequest } from '@waken/bearer-sip-transport';

// Set by the proxy's server transaction from the caller's request (RFC 3261 §16.7 step 9).
const NOT_RELAYED = ['Via', 'From', 'To', 'Call-ID', 'CSeq', 'Content-Length'];

function toTagOf(response: SipResponse): string | undefined {
  try {
    return nameAddrTag(getHeader(response, 'To') ?? '');
  } catch {
    return undefined;
  }
}

/**
 * Sends the chosen branch response to the caller: status, reason, the callee's To-tag,
 * Contact, body and every other end-to-end header (Expires of a SUBSCRIBE 200, Retry-After,
 * WWW-Authenticate...). A response that cannot be re-sent as it is gets 502.
 */
export function relayResponse(incoming: IncomingSipRequest, response: SipResponse): void {
  const tag = toTagOf(response);
  try {
    // RFC 3261 §12.1: both ends name the dialog by the callee's (UAS) tag
    if (tag !== undefined) incoming.useToTag(tag);
    const headers = response.headers.filter((h) => !NOT_RELAYED.some((name) => sameHeaderName(h.name, name)));
    incoming.respond(response.status, response.reason, headers, response.body);
  } catch {
    incoming.respond(502, 'Bad Gateway');
  }
}
