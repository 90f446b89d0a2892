/** Why a multipart body was refused (reliability.md #6, #8-#11). */
export type MultipartErrorReason =
  | 'too-large'
  | 'bad-content-type'
  | 'not-multipart-related'
  | 'missing-boundary'
  | 'boundary-too-long'
  | 'invalid-boundary'
  | 'missing-opening-delimiter'
  | 'missing-closing-delimiter'
  | 'no-parts'
  | 'too-many-parts'
  | 'too-many-headers'
  | 'header-line-too-long'
  | 'obsolete-header-folding'
  | 'malformed-header'
  | 'duplicate-header'
  | 'unterminated-headers'
  | 'root-type-mismatch'
  | 'unsupported-charset'
  | 'invalid-utf8'
  | 'boundary-in-body';

/** The one error the multipart parser and builder throw. Answer: HTTP 400 (413 for too-large), PAP 2000. */
export class MultipartError extends Error {
  readonly papCode = 2000;

  constructor(
    readonly reason: MultipartErrorReason,
    detail: string,
  ) {
    super(`multipart ${reason}: ${detail}`);
    this.name = 'MultipartError';
  }

  get httpStatus(): 400 | 413 {
    return this.reason === 'too-large' ? 413 : 400;
  }
}
