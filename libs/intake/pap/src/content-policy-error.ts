import type { PapStatusCode } from './pap-status';

export type ContentPolicyReason =
  | 'invalid-utf8'
  | 'unparseable'
  | 'wrong-root'
  | 'missing-href'
  | 'scheme-not-allowed'
  | 'execute-high-untrusted'
  | 'binary-not-inspectable';

/** Push content refused by the content policy (reliability.md #15). */
export class ContentPolicyError extends Error {
  constructor(
    readonly reason: ContentPolicyReason,
    detail: string,
  ) {
    super(`content policy ${reason}: ${detail}`);
    this.name = 'ContentPolicyError';
  }

  /** Malformed content is a bad request (2000); content we will not carry is forbidden (2001). */
  get papCode(): PapStatusCode {
    return this.reason === 'invalid-utf8' || this.reason === 'unparseable' || this.reason === 'wrong-root' ? 2000 : 2001;
  }
}
