import type { SipResponse } from '@waken/bearer-sip';

/** How one forked branch ended: a response from the contact, or one the proxy stands in for. */
export interface BranchOutcome {
  readonly status: number;
  readonly reason: string;
  /** absent when the proxy made the outcome up (timeout 408, transport error 503) */
  readonly response?: SipResponse;
}

// RFC 3261 §16.7 step 6: responses that tell the caller how to retry are preferred in 4xx.
const INFORMATIVE_4XX = new Set([401, 407, 415, 420, 484]);

const classOf = (status: number) => Math.floor(status / 100);

/**
 * The best final response of a response context (RFC 3261 §16.7): the first 2xx; else a
 * 6xx; else the lowest class, preferring 401/407/415/420/484 in 4xx, first come first
 * chosen. No final response at all is 408; a chosen 503 becomes 500 (§16.7 step 6).
 */
export function selectBestResponse(outcomes: readonly BranchOutcome[]): BranchOutcome {
  const finals = outcomes.filter((o) => o.status >= 200 && o.status <= 699);
  if (finals.length === 0) return { status: 408, reason: 'Request Timeout' };
  const success = finals.find((o) => classOf(o.status) === 2);
  if (success) return success;
  const global = finals.find((o) => classOf(o.status) === 6);
  if (global) return global;
  const lowest = Math.min(...finals.map((o) => classOf(o.status)));
  const inClass = finals.filter((o) => classOf(o.status) === lowest);
  const chosen = inClass.find((o) => INFORMATIVE_4XX.has(o.status)) ?? inClass[0];
  return chosen.status === 503 ? { status: 500, reason: 'Server Internal Error' } : chosen;
}
