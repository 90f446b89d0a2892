import type { SipHeader, SipMessage } from './sip-message';
import { sameHeaderName } from './sip-header-names';

type HasHeaders = Pick<SipMessage, 'headers'>;

/** All values of a header, in order; names compare case-insensitively, compact forms too. */
export function getHeaders(msg: HasHeaders, name: string): string[] {
  return msg.headers.filter((h) => sameHeaderName(h.name, name)).map((h) => h.value);
}

/** The first value of a header, or undefined. */
export function getHeader(msg: HasHeaders, name: string): string | undefined {
  return msg.headers.find((h) => sameHeaderName(h.name, name))?.value;
}

export function withoutHeaders(headers: readonly SipHeader[], name: string): SipHeader[] {
  return headers.filter((h) => !sameHeaderName(h.name, name));
}
