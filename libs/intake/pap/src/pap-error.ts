import { PapStatusCode, papStatus } from './pap-status';

/** Longest `bad-message-fragment` we echo back (badmessage-response). */
export const MAX_BAD_MESSAGE_FRAGMENT = 256;

/**
 * The one error the PAP parsers throw: it carries the PAP status code to answer with
 * (2000 bad request, 2002 address error, 3002 version not supported, ...).
 */
export class PapError extends Error {
  readonly badMessageFragment?: string;

  constructor(
    readonly code: PapStatusCode,
    readonly desc: string,
    badMessageFragment?: string,
  ) {
    super(`PAP ${code} ${papStatus(code).name}: ${desc}`);
    this.name = 'PapError';
    if (badMessageFragment !== undefined) {
      this.badMessageFragment = badMessageFragment.slice(0, MAX_BAD_MESSAGE_FRAGMENT);
    }
  }
}
