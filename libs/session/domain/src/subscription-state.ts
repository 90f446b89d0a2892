/** RFC 6665 §8.2.3 termination reasons this service uses. */
export type TerminationReason = 'noresource' | 'timeout' | 'deactivated';

/** `Subscription-State: active;expires=N` (RFC 6665 §4.1.3). */
export function activeSubscriptionState(remainingS: number): string {
  return `active;expires=${Math.max(0, Math.floor(remainingS))}`;
}

/** `Subscription-State: terminated;reason=...` of the final NOTIFY. */
export function terminatedSubscriptionState(reason: TerminationReason): string {
  return `terminated;reason=${reason}`;
}
