import { DecodeError } from '@waken/wire';
import { SmppStatus } from './smpp-constants';

/**
 * A PDU that cannot be trusted. Carries the command_status for the generic_nack the client
 * answers with, and the sequence number when the header was readable (reliability.md #26).
 */
export class SmppDecodeError extends DecodeError {
  constructor(
    message: string,
    offset: number,
    readonly commandStatus: number = SmppStatus.ESME_RINVCMDLEN,
    readonly sequenceNumber = 0,
  ) {
    super(message, offset);
    this.name = 'SmppDecodeError';
  }
}
