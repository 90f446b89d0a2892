import { Type } from '@sinclair/typebox';
import { ActivationMethod, Id, Timestamp } from '../common/types';

/** Fields every per-bearer delivery request carries (seed S6-S7). */
export const deliveryCommon = {
  tenantId: Id,
  pushId: Id,
  /** Unique per wake-up; the delivery apps send each (sirId, attempt) at most once. */
  sirId: Id,
  kind: Type.Union([Type.Literal('sir'), Type.Literal('content')]),
  targetClientIds: Type.Array(Id, { maxItems: 64 }),
  /** Never put on the wire after this instant (TTL). */
  expiresAt: Timestamp,
  /** The activation methods still to try when this one fails (seed S2 order of preference). */
  fallbacks: Type.Array(ActivationMethod, { maxItems: 8 }),
  /** Accept time at push-intake, for the accept-to-wire latency metric. */
  acceptedAt: Type.Optional(Timestamp),
};

export const deliveryExample = {
  tenantId: 'mobilkom',
  pushId: '42@pi.example.com',
  sirId: 'sir-0b6a2f1c',
  kind: 'sir' as const,
  targetClientIds: ['c-phone'],
  expiresAt: '2030-01-01T00:00:00Z',
  fallbacks: [],
};
