import {
  ActivationMethod,
  ClientSnapshot,
  DeviceIdentity,
  PushPendingV1,
  PushResolvedV1,
  SirInstruction,
  SirRequestedV1,
  WakeMode,
} from '@waken/contracts';
import { sameActivation } from './activation-address';

// SirRequestedV1 limits.
const MAX_FALLBACKS = 8;
const MAX_INSTRUCTIONS = 8;

export interface SirSpec {
  sirRequestId: string;
  mode: WakeMode;
  targets: ClientSnapshot[];
  activation: ActivationMethod;
  deviceIdentity?: DeviceIdentity;
  /** The client whose other activation methods become fallbacks; none for a shared SIR. */
  fallbackFrom?: ClientSnapshot;
}

/** One SirRequestedV1 (seed S4 → S5): what to wake, how, and until when. */
export function toSirRequest(
  resolved: PushResolvedV1,
  spec: SirSpec,
  expiresAt: Date,
  instructions: SirInstruction[],
): SirRequestedV1 {
  const request: SirRequestedV1 = {
    tenantId: resolved.tenantId,
    pushId: resolved.pushId,
    sirRequestId: spec.sirRequestId,
    mode: spec.mode,
    publicUserIdentity: resolved.publicUserIdentity,
    targetClientIds: spec.targets.map((t) => t.clientId),
    activation: spec.activation,
    fallbacks: fallbacksOf(spec.fallbackFrom, spec.activation),
    instructions: [...new Set(instructions)].slice(0, MAX_INSTRUCTIONS),
    expiresAt: expiresAt.toISOString(),
  };
  if (spec.deviceIdentity) request.deviceIdentity = spec.deviceIdentity;
  if (resolved.acceptedAt !== undefined) request.acceptedAt = resolved.acceptedAt;
  // seed S5: the application to activate on the client (e.g. a DCD application).
  if (resolved.content.applicationId) request.applicationId = resolved.content.applicationId;
  return request;
}

/** The push content held for one target until it has a session (seed C3, S10). */
export function toPending(resolved: PushResolvedV1, client: ClientSnapshot, wake: PushPendingV1['wake']): PushPendingV1 {
  const pending: PushPendingV1 = {
    tenantId: resolved.tenantId,
    pushId: resolved.pushId,
    recipientIndex: resolved.recipientIndex,
    clientId: client.clientId,
    publicUserIdentity: resolved.publicUserIdentity,
    wake,
    content: resolved.content,
  };
  if (resolved.deliverBefore !== undefined) pending.deliverBefore = resolved.deliverBefore;
  return pending;
}

/** The client's other activation methods, in its order of preference (seed S2). */
function fallbacksOf(client: ClientSnapshot | undefined, used: ActivationMethod): ActivationMethod[] {
  if (!client) return [];
  return client.activationMethods.filter((m) => !sameActivation(m, used)).slice(0, MAX_FALLBACKS);
}
