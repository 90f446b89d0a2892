import { DecodeError } from '@waken/wire';
import type { SipMessage } from './sip-message';

/** The status a UAS answers a message it cannot accept with (RFC 3261 §21.4). */
export type SipParseStatus = 400 | 413 | 505 | 513;

const REASONS: Record<SipParseStatus, string> = {
  400: 'Bad Request',
  413: 'Request Entity Too Large',
  505: 'Version Not Supported',
  513: 'Message Too Large',
};

/**
 * The one error the SIP codec throws for bad input (reliability.md S3, catalogue #23, #24).
 * `head` is the start line and headers when they were readable, so a transport can still
 * answer the sender (RFC 3261 §8.2: a malformed request gets a 400 where possible).
 */
export class SipParseError extends DecodeError {
  constructor(
    message: string,
    readonly status: SipParseStatus = 400,
    offset = 0,
    readonly head?: SipMessage,
  ) {
    super(message, offset);
    this.name = 'SipParseError';
  }

  get reason(): string {
    return REASONS[this.status];
  }

  withHead(head: SipMessage): SipParseError {
    return new SipParseError(this.message.replace(/ at offset \d+$/, ''), this.status, this.offset, head);
  }
}
