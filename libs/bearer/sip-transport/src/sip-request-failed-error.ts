import type { SipResponse } from '@waken/bearer-sip';

/** A request that needs a 2xx (REGISTER) got a final failure response. */
export class SipRequestFailedError extends Error {
  constructor(
    readonly response: SipResponse,
    what: string,
  ) {
    super(`${what} failed: ${response.status} ${response.reason}`);
    this.name = 'SipRequestFailedError';
  }

  get status(): number {
    return this.response.status;
  }
}
