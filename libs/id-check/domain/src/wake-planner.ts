import { ActivationMethod, ClientSnapshot, PushPlannedV1, PushResolvedV1, SirInstruction } from '@waken/contracts';
import { publicAorOf } from './activation-address';
import { BROADCAST_RECIPIENT, sirExpiry, sirRequestId } from './sir-request-id';
import { SirSpec, toPending, toSirRequest } from './sir-request.factory';
import { PlanWakeupsOptions, WakePlan } from './wake-plan';
import { effectivePolicy, routeFor } from './wake-route';

/**
 * seed S4 (ID check) for one recipient: which selected clients need a SIR, in which mode,
 * and which receive the push over the session they already have.
 *
 * - Connected target: a PushPendingV1 'connected', no SIR (S10, step 402/408).
 * - A public identity with exactly one client: mode 'single', the prior-art SIR to its
 *   first activation method with no device identity (S4, claims 4-5: only several
 *   clients need one).
 * - Several clients: by policy, targeted (S7), broadcast-identity (S8), broadcast (S9, one
 *   SIR to the public AOR for all), or auto (see effectivePolicy); see routeFor.
 * - Every target woken by a SIR also gets a PushPendingV1 'sir' (C3).
 *
 * Partial reachability: a target that is neither connected nor has an activation method
 * is left out of plan.targetClientIds (the outcome tracker waits only for reachable
 * targets) and listed in unreachableClientIds; plan.unresolvedReason is set only when no
 * target is reachable ('no-activation-method'). A push already past its deliver-before is
 * planned as 'expired' with nothing to send.
 */
export function planWakeups(resolved: PushResolvedV1, opts: PlanWakeupsOptions): WakePlan {
  if (!(opts.sirTtlMs > 0) || !Number.isFinite(opts.sirTtlMs)) throw new RangeError('sirTtlMs must be a positive number');
  if (resolved.unresolvedReason !== undefined || resolved.selectedClientIds.length === 0) {
    return nothingToDo(resolved, resolved.unresolvedReason ?? 'no-eligible-client', []);
  }
  const expiresAt = sirExpiry(resolved.deliverBefore, opts.now, opts.sirTtlMs);
  if (expiresAt.getTime() <= opts.now.getTime()) return nothingToDo(resolved, 'expired', []);
  const byId = new Map(resolved.clients.map((c) => [c.clientId, c]));
  const selected = [...new Set(resolved.selectedClientIds)];
  const reachable = selected
    .map((id) => byId.get(id))
    .filter((t): t is ClientSnapshot => !!t && (t.connected || t.activationMethods.length > 0));
  const unreachable = selected.filter((id) => !reachable.some((t) => t.clientId === id));
  if (reachable.length === 0) return nothingToDo(resolved, 'no-activation-method', unreachable);
  const asleep = reachable.filter((t) => !t.connected);
  const specs = resolved.clients.length === 1 ? singleSpecs(resolved, asleep) : policySpecs(resolved, asleep);
  const instructions: SirInstruction[] = opts.instructions ?? [];
  return {
    sirRequests: specs.map((spec) => toSirRequest(resolved, spec, expiresAt, instructions)),
    pending: reachable.map((t) => toPending(resolved, t, t.connected ? 'connected' : 'sir')),
    plan: { ...planned(resolved, reachable, specs.length), wakeMode: specs[0]?.mode ?? 'connected' },
    unreachableClientIds: unreachable,
  };
}

/** seed S4: one client only, so the prior-art SIR without a device identity suffices. */
function singleSpecs(resolved: PushResolvedV1, asleep: ClientSnapshot[]): SirSpec[] {
  return asleep.map((client) => ({
    sirRequestId: sirRequestId(resolved.pushId, resolved.recipientIndex, client.clientId),
    mode: 'single',
    targets: [client],
    activation: client.activationMethods[0],
    fallbackFrom: client,
  }));
}

/** seed S7-S9 for a public identity shared by several clients. */
function policySpecs(resolved: PushResolvedV1, asleep: ClientSnapshot[]): SirSpec[] {
  const policy = effectivePolicy(resolved.policy, asleep);
  const publicAor = publicAorOf(resolved.publicUserIdentity);
  const specs: SirSpec[] = [];
  const shared: ClientSnapshot[] = [];
  for (const client of asleep) {
    const route = routeFor(client, policy, publicAor);
    if (route.shared) {
      shared.push(client);
      continue;
    }
    const id = sirRequestId(resolved.pushId, resolved.recipientIndex, client.clientId);
    specs.push({ sirRequestId: id, mode: route.mode, targets: [client], activation: route.activation, deviceIdentity: route.deviceIdentity, fallbackFrom: client });
  }
  if (shared.length > 0 && publicAor) specs.unshift(sharedBroadcast(resolved, shared, publicAor));
  return specs;
}

/** seed S9: ONE SIR to the public AOR, naming only the public identity, for all of them. */
function sharedBroadcast(resolved: PushResolvedV1, targets: ClientSnapshot[], aor: ActivationMethod): SirSpec {
  const id = sirRequestId(resolved.pushId, resolved.recipientIndex, BROADCAST_RECIPIENT);
  return { sirRequestId: id, mode: 'broadcast', targets, activation: aor };
}

function planned(resolved: PushResolvedV1, reachable: ClientSnapshot[], sirCount: number): PushPlannedV1 {
  return {
    tenantId: resolved.tenantId,
    pushId: resolved.pushId,
    recipientIndex: resolved.recipientIndex,
    publicUserIdentity: resolved.publicUserIdentity,
    targetClientIds: reachable.map((t) => t.clientId),
    sirCount,
    directCount: reachable.filter((t) => t.connected).length,
  };
}

function nothingToDo(resolved: PushResolvedV1, unresolvedReason: string, unreachable: string[]): WakePlan {
  const plan: PushPlannedV1 = { ...planned(resolved, [], 0), unresolvedReason };
  return { sirRequests: [], pending: [], plan, unreachableClientIds: unreachable };
}
