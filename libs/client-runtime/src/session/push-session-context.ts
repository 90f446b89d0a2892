import type { ClientProfile, PushDeduper, PushNotification } from '@waken/client';
import type { SipDeviceHub } from '../sip/sip-device-hub';
import type { SipPushSession } from './sip-push-session';

/** What one device lends each of its push sessions. */
export interface PushSessionContext {
  readonly hub: SipDeviceHub;
  /** Our Contact URI: the PPG sends its NOTIFYs there, directly. */
  readonly contact: string;
  readonly profile: ClientProfile;
  /** Shared by the device's sessions: a redelivered push is not handed over twice. */
  readonly deduper: PushDeduper;
  /** Hands a push to the application; a rejection leaves it unacknowledged (docs/push-session.md). */
  readonly deliver: (push: PushNotification) => Promise<void>;
  /** The device routes NOTIFYs by Call-ID: sessions announce themselves before their SUBSCRIBE leaves. */
  readonly track: (callId: string, session: SipPushSession) => void;
  readonly untrack: (callId: string, session: SipPushSession) => void;
  readonly onEnded: (session: SipPushSession, reason: string) => void;
  readonly onDuplicate?: (push: PushNotification) => void;
  readonly nowMs?: () => number;
}

export interface OpenSessionParams {
  /** The SIR's PPG address (the PPG's AOR, docs/push-session.md). */
  readonly ppgAddress: string;
  /** `X-Waken-Sir`: the SIR that woke the client; absent when not woken by one. */
  readonly sirId?: string;
  /** SUBSCRIBE body (seed §C4): encoded client info. */
  readonly body?: Uint8Array;
  /** Requested duration, 1..3600 s (default 600). */
  readonly expires?: number;
}
