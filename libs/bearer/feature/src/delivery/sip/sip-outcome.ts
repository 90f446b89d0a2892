import { SipBuildError, SipParseError } from '@waken/bearer-sip';
import { SipTimeoutError, SipTransportError } from '@waken/bearer-sip-transport';
import { TransmissionOutcome } from '../common/delivery-request';

/**
 * A final response as a delivery outcome (RFC 3261 §21; RFC 5627 §5.1 for GRUUs): 2xx delivered;
 * 408 and 5xx may clear up, so they are retried; any other answer (404 unknown GRUU, 480 instance
 * not registered, 403, 3xx we do not follow, 6xx) is definitive.
 */
export function sipStatusOutcome(status: number, reason: string, onWireAt: Date): TransmissionOutcome {
  const detail = `${status} ${reason}`.slice(0, 200);
  if (status >= 200 && status < 300) return { kind: 'delivered', detail, onWireAt };
  if (status === 408 || (status >= 500 && status < 600)) return { kind: 'transient', detail, onWireAt };
  return { kind: 'undeliverable', detail, onWireAt };
}

/** A request that never got a final response, by why. */
export function sipErrorOutcome(error: unknown): TransmissionOutcome {
  if (error instanceof SipTimeoutError) return { kind: 'transient', detail: `408 no final response within ${error.afterMs} ms (Timer F)` };
  // a request we cannot build (bad Request-URI, reserved or CR/LF header) will never go out
  if (error instanceof SipBuildError || error instanceof SipParseError) return { kind: 'undeliverable', detail: `not sent: ${error.message}` };
  if (error instanceof SipTransportError && error.code === 'no-transport') return { kind: 'undeliverable', detail: `not sent: ${error.message}` };
  // RFC 3261 §8.1.3.1: a transport error counts as 503
  if (error instanceof SipTransportError) return { kind: 'transient', detail: `503 transport ${error.code}: ${error.message}` };
  return { kind: 'transient', detail: `unexpected: ${(error as Error)?.message ?? String(error)}` };
}
