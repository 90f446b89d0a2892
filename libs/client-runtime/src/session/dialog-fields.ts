import { getHeader, parseNameAddr, type SipHeader } from '@waken/bearer-sip';
import type { SipResult } from '@waken/bearer-sip-transport';

/** The URI of the Contact header: the remote target of the dialog (RFC 3261 §12.1.2). */
export function contactOf(headers: readonly SipHeader[]): string | undefined {
  const contact = headers.find((h) => h.name.toLowerCase() === 'contact')?.value;
  if (contact === undefined) return undefined;
  try {
    return parseNameAddr(contact).uri;
  } catch {
    return undefined;
  }
}

/** The duration the PPG granted (its Expires), or what we asked for. */
export function grantedExpires(result: SipResult, requested: number): number {
  const value = Number(getHeader(result.response, 'Expires'));
  return Number.isInteger(value) && value > 0 ? value : requested;
}
