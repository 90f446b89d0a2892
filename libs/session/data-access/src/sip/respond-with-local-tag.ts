import { nameAddrTag, sameHeaderName, type SipHeader, type SipHeaderInput } from '@waken/bearer-sip';
import type { IncomingSipRequest } from '@waken/bearer-sip-transport';

/** The transport's own way to name the To tag, where the installed version has it. */
type TaggableRequest = IncomingSipRequest & { useToTag?: (tag: string) => void };

/**
 * Answers a dialog-creating request with a To tag we chose, so the dialog's local tag is known
 * (RFC 3261 §12.1.1; RFC 6665 §4.1.2: our NOTIFYs carry it as their From tag).
 *
 * Uses `useToTag` when `@waken/bearer-sip-transport` offers it. Without it, `respond` picks a
 * random To tag it does not expose, but keeps a tag the request's To already has (RFC 3261
 * §8.2.6.2) and builds from `incoming.request`; so the tag is written into that To first.
 * session.int-spec.ts (NOTIFYs matched by the device through Kamailio) fails if either breaks.
 */
export function respondWithLocalTag(
  incoming: IncomingSipRequest,
  localTag: string,
  status: number,
  reason: string,
  headers?: SipHeaderInput,
  body?: Uint8Array | string,
): boolean {
  const taggable = incoming as TaggableRequest;
  if (typeof taggable.useToTag === 'function') {
    taggable.useToTag(localTag);
    return incoming.respond(status, reason, headers, body);
  }
  const list = incoming.request.headers as SipHeader[];
  const at = list.findIndex((h) => sameHeaderName(h.name, 'To'));
  if (at >= 0 && nameAddrTag(list[at].value) === undefined) list[at] = { name: list[at].name, value: `${list[at].value};tag=${localTag}` };
  return incoming.respond(status, reason, headers, body);
}
