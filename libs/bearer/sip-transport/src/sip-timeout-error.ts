/** Timer F fired: no final response (RFC 3261 §17.1.2.2; the TU treats it as 408). */
export class SipTimeoutError extends Error {
  constructor(
    readonly method: string,
    readonly requestUri: string,
    readonly afterMs: number,
  ) {
    super(`no final response to ${method} ${requestUri} within ${afterMs} ms`);
    this.name = 'SipTimeoutError';
  }
}
