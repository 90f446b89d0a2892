/**
 * The link is not usable: not bound, dropped, a response timed out, or the peer sent
 * garbage. Always retryable: the submit never got a final answer (reliability.md R4).
 */
export class SmppLinkError extends Error {
  readonly retryable = true;

  constructor(
    message: string,
    /** Message ids the SMSC had already accepted for the same push before the link failed. */
    readonly acceptedMessageIds: readonly string[] = [],
  ) {
    super(message);
    this.name = 'SmppLinkError';
  }

  withAccepted(ids: readonly string[]): SmppLinkError {
    return new SmppLinkError(this.message, ids);
  }
}
