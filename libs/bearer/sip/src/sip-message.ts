/**
 * A SIP message as the codec sees it (RFC 3261 §7). Header names are canonical long forms
 * (compact forms expanded, case normalised for known headers); a comma-separated list
 * header becomes one entry per element. Content-Length is not kept: it is the body length.
 */
export interface SipHeader {
  readonly name: string;
  readonly value: string;
}

export interface SipRequest {
  readonly kind: 'request';
  readonly method: string;
  readonly requestUri: string;
  readonly headers: readonly SipHeader[];
  readonly body: Uint8Array;
}

export interface SipResponse {
  readonly kind: 'response';
  readonly status: number;
  readonly reason: string;
  readonly headers: readonly SipHeader[];
  readonly body: Uint8Array;
}

export type SipMessage = SipRequest | SipResponse;

export function isSipRequest(msg: SipMessage): msg is SipRequest {
  return msg.kind === 'request';
}

export function isSipResponse(msg: SipMessage): msg is SipResponse {
  return msg.kind === 'response';
}
