import { RETRYABLE_STATUSES } from './smpp-constants';

/** The peer answered with a non-zero command_status (or a generic_nack). */
export class SmppCommandError extends Error {
  constructor(
    readonly command: string,
    readonly commandStatus: number,
  ) {
    super(`${command} refused with command_status 0x${commandStatus.toString(16).padStart(8, '0')}`);
    this.name = 'SmppCommandError';
  }

  /** Queue full, throttled or an SMSC system error may clear up; anything else will not. */
  get retryable(): boolean {
    return RETRYABLE_STATUSES.has(this.commandStatus);
  }
}
