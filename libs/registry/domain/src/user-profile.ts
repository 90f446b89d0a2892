import { PushResolvedV1 } from '@waken/contracts';
import { ClientProfile } from './client-profile';

/** How a multi-client user's clients are woken (seed S7 targeted, S8, S9; auto lets id-check choose). */
export type WakePolicy = PushResolvedV1['policy'];
export const WAKE_POLICIES: readonly WakePolicy[] = ['auto', 'targeted', 'broadcast-identity', 'broadcast'];

/** A public user identity of one tenant and the clients that share it (seed "The problem"). */
export interface UserProfile {
  tenantId: string;
  /** The SIP URI (or tel URI) the PI addresses, e.g. sip:+43-8323546@mobilkom.at. */
  publicUserIdentity: string;
  wakePolicy: WakePolicy;
  clients: ClientProfile[];
}
