import { nameAddrTag, sameHeaderName, type SipHeader, type SipHeaderInput } from '@waken/bearer-sip';
import type { IncomingSipRequest } from '@waken/bearer-sip-transport';

/**
 * Answers a dialog-creating request with a To tag we chose, so the dialog's local tag is known
 * (RFC 3261 §12.1.1; RFC 6665 §4.1.2: our NOTIFYs carry it as their From tag).
 *
 * `IncomingSipRequest.respond` picks a random To tag it does not expose, but keeps a tag the
 * request's To already has (RFC 3261 §8.2.6.2) and reads `incoming.request` when it builds the
 * response. So the tag is written into that request's To first. This leans on that behaviour of
 * `@waken/bearer-sip-transport`; its Kamailio int-spec here fails if it changes. Remove once the
 * transport lets the caller name the To tag.
 */
export function respondWithLocalTag(
  incoming: IncomingSipRequest,
  localTag: string,
  status: number,
  reason: string,
  headers?: SipHeaderInput,
  body?: Uint8Array | string,
): boolean {
  const list = incoming.request.headers as SipHeader[];
  const at = list.findIndex((h) => sameHeaderName(h.name, 'To'));
  if (at >= 0 && nameAddrTag(list[at].value) === undefined) list[at] = { name: list[at].name, value: `${list[at].value};tag=${localTag}` };
  return incoming.respond(status, reason, headers, body);
}
