import type { Bearer, WakeMode } from '@waken/contracts';

/**
 * The outcome tracker's state for one push, stored as JSON on the push row. Pure data: the
 * state machine (push-outcome.ts) runs without Nest, Kafka or a database.
 */
export type RecipientState = 'pending' | 'delivered' | 'undeliverable' | 'expired' | 'cancelled';
export type PushState = RecipientState;

export const FINAL_STATES: readonly RecipientState[] = ['delivered', 'undeliverable', 'expired', 'cancelled'];

export interface RecipientPlan {
  readonly targets: readonly string[];
  readonly sirCount: number;
  readonly directCount: number;
  readonly unresolvedReason?: string;
  /** id-check's wake mode (seed S7-S10), when the plan carried it. */
  readonly wakeMode?: WakeMode;
}

export interface RecipientProgress {
  readonly state: RecipientState;
  readonly plan?: RecipientPlan;
  /** clientId → how it came to receive the content (seed §S7 SIR, §S10 already connected). */
  readonly delivered: Readonly<Record<string, 'sir' | 'connected'>>;
}

export interface PushProgress {
  readonly recipients: readonly RecipientProgress[];
  /** Clients whose last delivery attempt failed with nothing left to try (DeliveryReportedV1.final). */
  readonly failedClientIds: readonly string[];
  /** SIRs that went on the wire, per bearer (distinct sirIds). */
  readonly sirs: Readonly<Partial<Record<Bearer, readonly string[]>>>;
  /** SIRs after which the client opened a session (seed §C3). */
  readonly sessionSirIds: readonly string[];
  /** What the last transition was about, for the notification's desc. */
  readonly reason?: string;
}

export function initialProgress(recipients: number): PushProgress {
  return {
    recipients: Array.from({ length: recipients }, () => ({ state: 'pending' as const, delivered: {} })),
    failedClientIds: [],
    sirs: {},
    sessionSirIds: [],
  };
}

export function isFinalState(state: string): boolean {
  return (FINAL_STATES as readonly string[]).includes(state);
}
