/** Limits checked before any work is done (reliability.md #6, #8, #10). */
export interface MultipartLimits {
  /** Whole body, bytes (reliability.md #6: 1 MiB). */
  readonly maxBytes: number;
  /** PAP push submission: control, content, capabilities (pap.md §1). */
  readonly maxParts: number;
  readonly maxHeadersPerPart: number;
  /** One header line without its line break; RFC 5322 §2.1.1 says 998. */
  readonly maxHeaderLineLength: number;
}

export const DEFAULT_MULTIPART_LIMITS: MultipartLimits = {
  maxBytes: 1024 * 1024,
  maxParts: 3,
  maxHeadersPerPart: 50,
  maxHeaderLineLength: 998,
};

/** RFC 2046 §5.1.1: 1-70 characters from bchars, not ending in a space. */
export const MAX_BOUNDARY_LENGTH = 70;
const BCHARS = /^[0-9A-Za-z'()+_,\-./:=? ]{0,69}[0-9A-Za-z'()+_,\-./:=?]$/;

export function isValidBoundary(boundary: string): boolean {
  return BCHARS.test(boundary);
}
