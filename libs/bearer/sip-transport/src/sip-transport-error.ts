/** Why a request could not be carried (RFC 3261 §8.1.3.1: a transport error counts as 503). */
export type SipTransportErrorCode = 'closed' | 'connect' | 'send' | 'overload' | 'no-transport';

export class SipTransportError extends Error {
  constructor(
    readonly code: SipTransportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SipTransportError';
  }
}
