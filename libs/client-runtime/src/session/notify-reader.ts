import { getHeader, nameAddrTag, SipParseError, type SipRequest } from '@waken/bearer-sip';
import {
  decodePushNotification, mediaTypeOf, parseSubscriptionState, PUSH_SESSION, type PushNotification, type SubscriptionState,
} from '@waken/client';
import { DecodeError } from '@waken/wire';

export type NotifyReading =
  | {
      readonly ok: true;
      readonly state: SubscriptionState;
      readonly fromTag?: string;
      readonly toTag?: string;
      readonly push?: PushNotification;
    }
  | { readonly ok: false; readonly status: number; readonly reason: string };

/**
 * A NOTIFY of the push session (docs/push-session.md): `Event: waken-push`, a Subscription-State,
 * and at most one push as `application/vnd.waken.push+json`. A failure answer leaves the push
 * pending at the PPG, which is right for anything we cannot read.
 */
export function readNotify(request: SipRequest): NotifyReading {
  const event = getHeader(request, 'Event')?.split(';')[0].trim().toLowerCase();
  if (event !== PUSH_SESSION.event) return { ok: false, status: 489, reason: 'Bad Event' }; // RFC 6665 §8.2.1
  try {
    const state = parseSubscriptionState(getHeader(request, 'Subscription-State'));
    const fromTag = nameAddrTag(getHeader(request, 'From') ?? '');
    const toTag = nameAddrTag(getHeader(request, 'To') ?? '');
    const reading = { ok: true as const, state, ...(fromTag !== undefined && { fromTag }), ...(toTag !== undefined && { toTag }) };
    if (request.body.length === 0) return reading;
    if (mediaTypeOf(getHeader(request, 'Content-Type')) !== PUSH_SESSION.pushMediaType) {
      return { ok: false, status: 415, reason: 'Unsupported Media Type' };
    }
    return { ...reading, push: decodePushNotification(request.body) };
  } catch (e) {
    if (e instanceof DecodeError || e instanceof SipParseError) return { ok: false, status: 400, reason: 'Bad Request' };
    throw e;
  }
}
