import { SmppCommandError } from './smpp-command-error';

/** The SMSC refused the bind (wrong system_id or password, already bound, ...). */
export class SmppBindError extends SmppCommandError {
  constructor(command: string, commandStatus: number) {
    super(command, commandStatus);
    this.name = 'SmppBindError';
  }

  override get retryable(): boolean {
    return false;
  }
}
