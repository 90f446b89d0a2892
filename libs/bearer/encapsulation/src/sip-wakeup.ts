import { SIA_MEDIA_TYPE, SIR_JSON_MEDIA_TYPE } from '@waken/sir-domain';
import { checkedHeaderFields } from './header-fields';
import { sipRequestUri } from './sip-request-uri';
import type { SirPayload } from './sir-payload';

/** OMA Push over SIP selects the push application with this feature tag (sip-push.md §5, RFC 3841). */
export const DEFAULT_ACCEPT_CONTACT = '*;+g.oma.pusheventapp="push.sia"';

export type SirBodyFormat = 'json' | 'sia';

export interface SipWakeupOptions {
  /** `json` (`application/vnd.waken.sir+json`, the default) or `sia` (`application/vnd.wap.sia`). */
  body?: SirBodyFormat;
  /** The Accept-Contact value, or false to send none; default DEFAULT_ACCEPT_CONTACT. */
  acceptContact?: string | false;
}

/** What delivery-sip needs to build the MESSAGE (RFC 3428); it adds Via, From, To, Call-ID, CSeq. */
export interface SipWakeup {
  requestUri: string;
  headers: Record<string, string>;
  contentType: string;
  body: Uint8Array;
}

/** seed §S6 "SIP message" + §S7: a SIR as a SIP MESSAGE to a GRUU (targeted) or an AOR. */
export function sipWakeupFor(payload: SirPayload, address: string, options: SipWakeupOptions = {}): SipWakeup {
  const acceptContact = options.acceptContact ?? DEFAULT_ACCEPT_CONTACT;
  const headers = checkedHeaderFields({
    ...payload.identityFields,
    ...(acceptContact !== false && { 'Accept-Contact': acceptContact }),
  });
  const sia = options.body === 'sia';
  return {
    requestUri: sipRequestUri(address, payload.sir, payload.placed),
    headers,
    contentType: sia ? SIA_MEDIA_TYPE : SIR_JSON_MEDIA_TYPE,
    body: sia ? payload.sia : payload.json,
  };
}
