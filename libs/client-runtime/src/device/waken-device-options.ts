import type { ActivationTiming, ApplicationRegistry, BroadcastPolicy, ClientProfile, DecodedSir, SirDecision, SirReceiveError } from '@waken/client';
import type { ReplayCache } from '@waken/sir-domain';
import type { SipDeviceHub } from '../sip/sip-device-hub';
import type { SipPushSession } from '../session/sip-push-session';

export interface WakenDeviceOptions {
  /** Report id; defaults to the client id. */
  readonly id?: string;
  readonly profile: ClientProfile;
  /** The SIP side: registration, SIP MESSAGE SIRs, and the push session (seed §C3). */
  readonly sip?: {
    readonly hub: SipDeviceHub;
    /** User part of this device's contact on the hub. */
    readonly contactUser: string;
    /** RFC 5626 `+sip.instance`, e.g. `urn:uuid:...`: the registrar mints the GRUU from it. */
    readonly instanceId: string;
    /** false: do not REGISTER (the device is reachable on other bearers only). */
    readonly register?: boolean;
    readonly registerExpires?: number;
  };
  readonly policy?: BroadcastPolicy;
  readonly applications?: ApplicationRegistry;
  /** seed §C5: activate the SIR's application before or after the session (default after: cheaper). */
  readonly activation?: ActivationTiming;
  /** Requested session duration (s, 1..3600). */
  readonly sessionExpires?: number;
  /** End a session this long after its last push; undefined keeps it (refreshed) until stop(). */
  readonly sessionIdleMs?: number;
  readonly replayCache?: ReplayCache;
  readonly maxSkewMs?: number;
  readonly now?: () => Date;
  readonly onOutcome?: (outcome: SirOutcome) => void;
}

/** What became of one received SIR. */
export type SirOutcome =
  | { readonly kind: 'undecodable'; readonly error: SirReceiveError }
  | { readonly kind: 'pending' }
  | { readonly kind: 'declined'; readonly decoded: DecodedSir; readonly decision: SirDecision }
  | { readonly kind: 'connected'; readonly decoded: DecodedSir; readonly decision: SirDecision; readonly session: SipPushSession }
  | { readonly kind: 'session-failed'; readonly decoded: DecodedSir; readonly decision: SirDecision; readonly error: unknown };
