import { PapStatusCode, papStatus } from './pap-status';
import type { PapVersion } from './pap-version';

/** Longest `bad-message-fragment` we echo back (badmessage-response). */
export const MAX_BAD_MESSAGE_FRAGMENT = 256;

export interface PapErrorDetails {
  /** Text near the fault, for badmessage-response (pap.md §4 `bad-message-fragment`). */
  readonly badMessageFragment?: string;
  /** The version of the refused document, when it was identified: the answer uses it. */
  readonly version?: PapVersion;
  /** The operation element (`push-message`, ...) and its push-id or query-id, when readable. */
  readonly operation?: string;
  readonly requestId?: string;
}

/**
 * The one error the PAP parsers throw: it carries the PAP status code to answer with
 * (2000 bad request, 2002 address error, 3002 version not supported, ...).
 */
export class PapError extends Error {
  readonly badMessageFragment?: string;
  readonly version?: PapVersion;
  readonly operation?: string;
  readonly requestId?: string;

  constructor(
    readonly code: PapStatusCode,
    readonly desc: string,
    details: PapErrorDetails = {},
  ) {
    super(`PAP ${code} ${papStatus(code).name}: ${desc}`);
    this.name = 'PapError';
    if (details.badMessageFragment !== undefined) {
      this.badMessageFragment = details.badMessageFragment.slice(0, MAX_BAD_MESSAGE_FRAGMENT);
    }
    if (details.version !== undefined) this.version = details.version;
    if (details.operation !== undefined) this.operation = details.operation;
    if (details.requestId !== undefined) this.requestId = details.requestId;
  }

  /** The same error with more details about the document it came from. */
  with(details: PapErrorDetails): PapError {
    return new PapError(this.code, this.desc, {
      badMessageFragment: this.badMessageFragment,
      version: this.version,
      operation: this.operation,
      requestId: this.requestId,
      ...Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)),
    });
  }
}
