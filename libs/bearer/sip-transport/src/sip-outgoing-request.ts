import type { SipHeaderInput, SipResponse } from '@waken/bearer-sip';
import type { SipPeer, SipTransportName } from './sip-peer';

/** A non-INVITE request to send (MESSAGE, OPTIONS, SUBSCRIBE, NOTIFY, REGISTER...). */
export interface SipOutgoingRequest {
  readonly method: string;
  readonly requestUri: string;
  /** a URI or name-addr; a From tag is added when missing */
  readonly from: string;
  /** a URI or name-addr; defaults to the Request-URI */
  readonly to?: string;
  readonly callId?: string;
  readonly cseq?: number;
  readonly contact?: string;
  readonly headers?: SipHeaderInput;
  readonly contentType?: string;
  readonly body?: Uint8Array | string;
  /** forces a transport; otherwise the proxy's, the endpoint default, or TCP above 1300 bytes */
  readonly transport?: SipTransportName;
  /** Send here instead of the outbound proxy: in-dialog requests go to the peer's Contact (RFC 3261 §12.2.1.1). */
  readonly destination?: SipPeer;
  /** Max-Forwards of the request (default 70); a relay sends the received value minus one. */
  readonly maxForwards?: number;
}

export type SipMessageRequest = Omit<SipOutgoingRequest, 'method'>;

/** The final response and the instant the request first went to the socket (for latency). */
export interface SipResult {
  readonly status: number;
  readonly reason: string;
  readonly onWireAt: Date;
  readonly response: SipResponse;
}
