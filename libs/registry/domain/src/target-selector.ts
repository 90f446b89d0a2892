import { PushAcceptedV1, PushResolvedV1 } from '@waken/contracts';
import { ClientProfile } from './client-profile';
import { clientIneligibility } from './client-eligibility';
import { toClientSnapshot } from './client-snapshot.mapper';
import { sharesDevice } from './identity-match';
import { UserProfile } from './user-profile';

// PushResolvedV1 carries at most 64 clients.
const MAX_CLIENTS = 64;

/**
 * seed S2 (lookup) + S3 (selection) for one recipient of a push.
 *
 * - When the PI named device identities, the targets are the clients carrying any of
 *   them (canonical comparison, a public GRUU also matching its instance UUID); only an
 *   opt-out still excludes such a client: the PI chose the device, the user may refuse it.
 * - Otherwise the targets are the clients that clientIneligibility() lets through:
 *   subscribed, accepting the content type and application, not opted out, and not in
 *   quiet hours unless the push has priority 'high'.
 *
 * An unknown user, or one of another tenant, resolves to 'unknown-user'; no target to
 * 'no-eligible-client'. Clients are ordered by clientId (code-unit order) so that the
 * same input always gives the same event.
 */
export function resolvePush(push: PushAcceptedV1, user: UserProfile | undefined, now: Date): PushResolvedV1 {
  if (!user || user.tenantId !== push.tenantId) {
    return resolved(push, 'auto', [], [], 'unknown-user');
  }
  const sorted = [...user.clients].sort((a, b) => compareIds(a.clientId, b.clientId));
  const selected = sorted.filter((client) => isTarget(client, push, now));
  const kept = keepWithinLimit(sorted, selected);
  const reason = selected.length === 0 ? 'no-eligible-client' : undefined;
  return resolved(push, user.wakePolicy, kept, selected.slice(0, MAX_CLIENTS), reason);
}

function isTarget(client: ClientProfile, push: PushAcceptedV1, now: Date): boolean {
  if (push.targetDevices.length > 0) {
    return !client.preferences.optedOut && sharesDevice(push.targetDevices, client.deviceIdentities);
  }
  return clientIneligibility(client, push, now) === undefined;
}

/** Above 64 clients, the selected ones are kept first so that every target has a snapshot. */
function keepWithinLimit(sorted: ClientProfile[], selected: ClientProfile[]): ClientProfile[] {
  if (sorted.length <= MAX_CLIENTS) return sorted;
  const chosen = new Set(selected.slice(0, MAX_CLIENTS));
  const others = sorted.filter((c) => !chosen.has(c)).slice(0, MAX_CLIENTS - chosen.size);
  return [...chosen, ...others].sort((a, b) => compareIds(a.clientId, b.clientId));
}

function resolved(
  push: PushAcceptedV1,
  policy: PushResolvedV1['policy'],
  clients: ClientProfile[],
  selected: ClientProfile[],
  unresolvedReason: string | undefined,
): PushResolvedV1 {
  const event: PushResolvedV1 = {
    tenantId: push.tenantId,
    pushId: push.pushId,
    recipientIndex: push.recipientIndex,
    publicUserIdentity: push.publicUserIdentity,
    content: push.content,
    qos: push.qos,
    policy,
    clients: clients.map(toClientSnapshot),
    selectedClientIds: selected.map((c) => c.clientId),
  };
  if (push.deliverBefore !== undefined) event.deliverBefore = push.deliverBefore;
  event.acceptedAt = push.acceptedAt;
  if (unresolvedReason !== undefined) event.unresolvedReason = unresolvedReason;
  return event;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
