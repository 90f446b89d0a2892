import { getHeader, nameAddrTag, sameHeaderName, type SipHeader, type SipRequest, type SipResponse } from '@waken/bearer-sip';
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
 * Makes the caller's answer carry the callee's To-tag, so that both ends name the same
 * dialog (RFC 3261 §12.1: the UAS tag in To). `IncomingSipRequest.respond` builds the
 * answer from the request it was handed and adds a tag of its own only when that To has
 * none, and takes no To in its headers; so the To of that request object is given the
 * callee's tag before responding. Remove once `respond` accepts a To-tag.
 */
function adoptToTag(request: SipRequest, tag: string): void {
  const headers = request.headers as SipHeader[];
  const index = headers.findIndex((h) => sameHeaderName(h.name, 'To'));
  if (index < 0 || nameAddrTag(headers[index].value) !== undefined) return;
  headers[index] = { name: 'To', value: `${headers[index].value};tag=${tag}` };
}

/**
 * Sends the chosen branch response to the caller: status, reason, the callee's To-tag,
 * Contact, body and every other end-to-end header (Expires of a SUBSCRIBE 200, Retry-After,
 * WWW-Authenticate...). A response that cannot be re-sent as it is gets 502.
 */
export function relayResponse(incoming: IncomingSipRequest, response: SipResponse): void {
  const tag = toTagOf(response);
  try {
    if (tag !== undefined) adoptToTag(incoming.request, tag);
    const headers = response.headers.filter((h) => !NOT_RELAYED.some((name) => sameHeaderName(h.name, name)));
    incoming.respond(response.status, response.reason, headers, response.body);
  } catch {
    incoming.respond(502, 'Bad Gateway');
  }
}
