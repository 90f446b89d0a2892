/** Why received bytes are not a SIR this client can read (seed §C1). */
export type SirReceiveFailure =
  /** The carrier says it holds something other than a SIR (content type, WSP app id, WDP port). */
  | 'not-a-sir'
  /** It claims to be a SIR but its bytes, fields or identity copies do not decode. */
  | 'malformed';

/**
 * The one error the receive side throws for bad input (reliability.md S3): every decoder either
 * returns a SIR or throws this, with the underlying DecodeError as `cause`.
 */
export class SirReceiveError extends Error {
  constructor(
    readonly failure: SirReceiveFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SirReceiveError';
  }
}
