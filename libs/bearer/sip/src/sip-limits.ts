/** Bounds applied before and while parsing (reliability.md catalogue #24). */
export interface SipLimits {
  /** Whole message, header section plus body, in bytes. */
  readonly maxMessageBytes: number;
  /** One header line (after unfolding), in characters. */
  readonly maxLineLength: number;
  /** Header field lines. */
  readonly maxHeaders: number;
  /** Via entries after splitting comma lists. */
  readonly maxVias: number;
}

export const DEFAULT_SIP_LIMITS: SipLimits = {
  maxMessageBytes: 64 * 1024,
  maxLineLength: 8 * 1024,
  maxHeaders: 100,
  maxVias: 70,
};
