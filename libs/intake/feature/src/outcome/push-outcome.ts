import type { Bearer } from '@waken/contracts';
import { isFinalState, PushProgress, PushState, RecipientPlan, RecipientProgress } from './push-progress';

/** What the tracker learns from the other services' events, stripped to what it needs. */
export type OutcomeEvent =
  | ({ readonly kind: 'planned'; readonly recipientIndex: number } & RecipientPlan)
  | {
      readonly kind: 'reported';
      readonly sirId: string;
      readonly requestKind: 'sir' | 'content';
      readonly bearer: Bearer;
      readonly outcome: 'sent' | 'delivered' | 'undeliverable' | 'failed' | 'expired';
      readonly final: boolean;
      readonly targetClientIds: readonly string[];
    }
  | { readonly kind: 'delivered'; readonly recipientIndex: number; readonly clientId: string; readonly wake: 'sir' | 'connected' }
  | { readonly kind: 'session-opened'; readonly sirId: string }
  | { readonly kind: 'expired' }
  | { readonly kind: 'cancelled' };

/**
 * The PAP state machine of a push (pap.md §7). Each recipient goes pending → delivered (every
 * planned target acknowledged), undeliverable (nothing to reach, or a target failed for good
 * with nothing else pending), expired (deliver-before passed) or cancelled. A final state never
 * changes: a late "sent" after "delivered" is ignored (reliability.md #34). Pure.
 */
export function applyOutcome(progress: PushProgress, event: OutcomeEvent): PushProgress {
  const next = record(progress, event);
  return settle(next, event);
}

function record(p: PushProgress, e: OutcomeEvent): PushProgress {
  switch (e.kind) {
    case 'planned':
      return updateRecipient(p, e.recipientIndex, (r) => (r.plan ? r : { ...r, plan: planOf(e) }));
    case 'delivered':
      return updateRecipient(p, e.recipientIndex, (r) => (r.delivered[e.clientId] ? r : { ...r, delivered: { ...r.delivered, [e.clientId]: e.wake } }));
    case 'reported':
      return recordReport(p, e);
    case 'session-opened':
      return p.sessionSirIds.includes(e.sirId) ? p : { ...p, sessionSirIds: [...p.sessionSirIds, e.sirId] };
    default:
      return p;
  }
}

function recordReport(p: PushProgress, e: Extract<OutcomeEvent, { kind: 'reported' }>): PushProgress {
  let next = p;
  const onWire = e.outcome === 'sent' || e.outcome === 'delivered';
  const known = p.sirs[e.bearer] ?? [];
  if (e.requestKind === 'sir' && onWire && !known.includes(e.sirId)) {
    next = { ...next, sirs: { ...next.sirs, [e.bearer]: [...known, e.sirId] } };
  }
  if (e.final && !onWire) {
    const failed = e.targetClientIds.filter((id) => !next.failedClientIds.includes(id));
    if (failed.length) next = { ...next, failedClientIds: [...next.failedClientIds, ...failed] };
  }
  return next;
}

function settle(p: PushProgress, e: OutcomeEvent): PushProgress {
  const reason = e.kind === 'expired' ? 'deliver-before passed' : e.kind === 'cancelled' ? 'cancelled by the PI' : undefined;
  const recipients = p.recipients.map((r) => {
    if (isFinalState(r.state)) return r;
    if (e.kind === 'expired') return { ...r, state: 'expired' as const };
    if (e.kind === 'cancelled') return { ...r, state: 'cancelled' as const };
    return { ...r, state: recipientState(r, p.failedClientIds) };
  });
  const unresolved = recipients.find((r) => r.state === 'undeliverable' && r.plan?.unresolvedReason)?.plan?.unresolvedReason;
  return { ...p, recipients, ...((reason ?? p.reason ?? unresolved) !== undefined && { reason: reason ?? p.reason ?? unresolved }) };
}

function recipientState(r: RecipientProgress, failed: readonly string[]): RecipientProgress['state'] {
  const plan = r.plan;
  if (!plan) return 'pending';
  if (plan.unresolvedReason !== undefined || plan.targets.length === 0) return 'undeliverable';
  const open = plan.targets.filter((t) => !r.delivered[t]);
  if (open.length === 0) return 'delivered';
  // seed S9: a broadcast SIR lets each client decide; the user has the push once one client took it
  if (plan.wakeMode === 'broadcast' && open.length < plan.targets.length) return 'delivered';
  return open.every((t) => failed.includes(t)) ? 'undeliverable' : 'pending';
}

/**
 * The push's state: pending while any recipient is; otherwise the recipients' common state, or
 * for a mix the worst one (undeliverable > expired > cancelled > delivered): PAP reports one state.
 */
export function pushStateOf(p: PushProgress): PushState {
  const states = p.recipients.map((r) => r.state);
  if (states.length === 0 || states.includes('pending')) return 'pending';
  for (const s of ['undeliverable', 'expired', 'cancelled'] as const) if (states.includes(s)) return s;
  return 'delivered';
}

function updateRecipient(p: PushProgress, index: number, f: (r: RecipientProgress) => RecipientProgress): PushProgress {
  const r = p.recipients[index];
  if (!r || isFinalState(r.state)) return p;
  return { ...p, recipients: p.recipients.map((x, i) => (i === index ? f(x) : x)) };
}

function planOf(e: RecipientPlan): RecipientPlan {
  const plan = { targets: [...e.targets], sirCount: e.sirCount, directCount: e.directCount, ...(e.wakeMode === undefined ? {} : { wakeMode: e.wakeMode }) };
  return e.unresolvedReason === undefined ? plan : { ...plan, unresolvedReason: e.unresolvedReason };
}
