import { ClientInfo } from './client-info';
import { ClientRef } from './client-ref';

/** A SUBSCRIBE of the push session, read and checked (docs/push-session.md). */
export interface SubscribeRequest {
  callId: string;
  cseq: number;
  /** the From and To values as received */
  from: string;
  to: string;
  fromTag: string;
  /** present on an in-dialog SUBSCRIBE: a refresh, or the end with Expires: 0 */
  toTag?: string;
  expiresS: number;
  /** the Contact URI: where in-dialog requests go (RFC 3261 §12.1.1) */
  contact?: string;
  /** the From URI without parameters */
  publicUserIdentity: string;
  /** required out of dialog */
  client?: ClientRef;
  sirId?: string;
  auth?: string;
  info?: ClientInfo;
}
