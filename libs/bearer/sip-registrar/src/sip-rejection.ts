import type { SipHeader } from '@waken/bearer-sip';

/**
 * A request the proxy answers itself with a final failure (RFC 3261 §16.3 request
 * validation, §10.3 registrar steps, RFC 5627 §6.1 GRUU targeting): the status, reason
 * and extra headers of that answer.
 */
export class SipRejection extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly headers: readonly SipHeader[] = [],
  ) {
    super(`${status} ${reason}`);
    this.name = 'SipRejection';
  }
}

/** Runs `parse`; a parse failure of the peer's text becomes the given rejection. */
export function orReject<T>(parse: () => T, status: number, reason: string): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof SipRejection) throw e;
    throw new SipRejection(status, reason);
  }
}
