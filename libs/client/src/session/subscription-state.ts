import { DecodeError } from '@waken/wire';

/** RFC 6665 §8.2.3 Subscription-State, as the PPG sends it (docs/push-session.md). */
export type SubscriptionState =
  | { readonly state: 'active' | 'pending'; readonly expires?: number }
  | { readonly state: 'terminated'; readonly reason?: string };

const MAX_EXPIRES = 0xffffffff;

/** `active;expires=540`, `terminated;reason=noresource`; DecodeError for anything else. */
export function parseSubscriptionState(value: string | undefined): SubscriptionState {
  if (value === undefined) throw new DecodeError('NOTIFY without Subscription-State', 0);
  const [head, ...rest] = value.split(';').map((part) => part.trim());
  const params = new Map(rest.map((p) => [p.split('=')[0].trim().toLowerCase(), p.slice(p.indexOf('=') + 1).trim()]));
  const state = head.toLowerCase();
  if (state === 'terminated') {
    const reason = params.get('reason');
    return reason ? { state, reason } : { state };
  }
  if (state !== 'active' && state !== 'pending') throw new DecodeError(`unknown subscription state ${JSON.stringify(head)}`, 0);
  const expires = params.get('expires');
  if (expires === undefined) return { state };
  if (!/^[0-9]{1,10}$/.test(expires) || Number(expires) > MAX_EXPIRES) throw new DecodeError(`bad expires ${JSON.stringify(expires)}`, 0);
  return { state, expires: Number(expires) };
}
