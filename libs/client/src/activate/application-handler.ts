import type { SirDocument } from '@waken/contracts';
import type { ClientInfoSource } from '../decide/client-profile';
import type { PushNotification } from '../session/push-notification';

/** seed §C5: before the session (the app can add to the SUBSCRIBE body) or after it (cheaper in signalling). */
export type ActivationTiming = 'before-session' | 'after-session';

export interface ActivationContext {
  readonly sir: SirDocument;
  /** The id or name the SIR named the application by. */
  readonly applicationId: string;
  readonly timing: ActivationTiming;
}

/** An application on the device that a SIR can wake and that push content can be handed to. */
export interface ApplicationHandler {
  /** Woken by a SIR; information it returns goes to the PPG when activated before the session (seed §C4, §C5). */
  activate?(context: ActivationContext): ClientInfoSource | void | Promise<ClientInfoSource | void>;
  /** A push for this application arrived over the session (seed §C3). Throwing leaves it unacknowledged. */
  onPush?(push: PushNotification): void | Promise<void>;
}

export interface ActivationResult {
  readonly activated: boolean;
  readonly applicationId?: string;
  readonly info?: ClientInfoSource;
}
