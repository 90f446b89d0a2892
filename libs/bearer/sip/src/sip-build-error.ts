/**
 * Thrown when a message we build would not be well formed: above all a header value with
 * CR or LF, which would let a PI's text inject headers or a body (reliability.md #25).
 */
export class SipBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SipBuildError';
  }
}
