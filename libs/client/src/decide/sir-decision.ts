import type { SirDocument } from '@waken/contracts';
import type { SirRejection } from '@waken/sir-domain';

/** Why a client connects (seed §C2). */
export type ConnectReason =
  /** its own identity is in the SIR (seed §S7 targeted, §S8 broadcast with identity). */
  | 'identity-match'
  /** a single-client SIR without identity, signed with its own key (seed §S4). */
  | 'own-key'
  /** broadcast without identity; its policy allows it (seed §S9). */
  | 'policy-accepted'
  /** broadcast without identity; the user said yes (seed §S9). */
  | 'user-accepted';

/** Why it does not (seed §C2); `already-connected` is the wake-up that was not needed (seed §S10). */
export type DeclineReason =
  | SirRejection
  | 'already-connected'
  /** the keyId is not one of ours, nor another client's of our tenant. */
  | 'unknown-key'
  /** broadcast SIR, but this client holds no user key. */
  | 'no-user-key'
  /** targeted or broadcast-identity SIR signed with the shared user key: any of the user's devices could have forged it. */
  | 'wrong-key-scope'
  /** the SIR names another public user identity. */
  | 'other-user'
  /** the PPG address is trusted, but not the one its subscription requires (seed §C2). */
  | 'unsubscribed-ppg'
  | 'unexpected-mode'
  | 'policy-security'
  | 'policy-capabilities'
  | 'policy-preferences'
  | 'user-declined';

export type SirDecision =
  | { readonly connect: true; readonly reason: ConnectReason; readonly sir: SirDocument }
  | {
      readonly connect: false;
      readonly reason: DeclineReason;
      readonly sir: SirDocument;
      /** The signature verified: only then may the client answer it (e.g. a rejection, seed §C4). */
      readonly authentic: boolean;
    };
