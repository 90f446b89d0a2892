import { PushPendingV1, PushPlannedV1, SirInstruction, SirRequestedV1 } from '@waken/contracts';

export interface PlanWakeupsOptions {
  now: Date;
  /** How long a SIR is worth sending; capped by the push's deliver-before. */
  sirTtlMs: number;
  /** What the woken client must return or send after connecting (seed S5, C4). */
  instructions?: SirInstruction[];
}

/** id-check's decision for one recipient (seed S4), as the events to publish. */
export interface WakePlan {
  sirRequests: SirRequestedV1[];
  pending: PushPendingV1[];
  plan: PushPlannedV1;
  /**
   * Selected clients that nothing can reach: not connected and without any activation
   * method. PushPlannedV1 has no field for them; they are left out of its targets.
   */
  unreachableClientIds: string[];
}
