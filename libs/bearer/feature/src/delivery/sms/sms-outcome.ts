import { ReceiptState, SmppCommandError, SmppLinkError } from '@waken/bearer-smpp';
import { TransmissionOutcome } from '../common/delivery-request';

/** A submit that did not go through, by why (SMPP 3.4 §5.1.3 command_status). */
export function smppErrorOutcome(error: unknown): TransmissionOutcome {
  // a segment over 140 octets, a bad UDHL or a destination that is not E.164 will never be accepted
  if (error instanceof RangeError) return { kind: 'undeliverable', detail: `not submitted: ${error.message}` };
  if (error instanceof SmppCommandError) {
    const status = `0x${error.commandStatus.toString(16).padStart(8, '0')}`;
    // queue full, throttled or an SMSC system error clear up; the other statuses are answers
    return error.retryable ? { kind: 'transient', detail: `submit_sm ${status} (retryable)` } : { kind: 'undeliverable', detail: `submit_sm refused ${status}` };
  }
  if (error instanceof SmppLinkError) return { kind: 'transient', detail: `SMPP link: ${error.message}` };
  return { kind: 'transient', detail: `unexpected: ${(error as Error)?.message ?? String(error)}` };
}

/** What a delivery receipt's final state means for the push (SMPP 3.4 Appendix B); undefined: not final. */
export function receiptOutcome(state: ReceiptState): 'delivered' | 'undeliverable' | 'expired' | undefined {
  switch (state) {
    case 'DELIVRD':
      return 'delivered';
    case 'EXPIRED':
      return 'expired';
    case 'UNDELIV':
    case 'REJECTD':
    case 'DELETED':
    case 'UNKNOWN':
      return 'undeliverable';
    default:
      // ENROUTE, ACCEPTD: intermediate
      return undefined;
  }
}
