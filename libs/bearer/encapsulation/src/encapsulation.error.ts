/** Why a SIR or a content could not be put on a bearer; the caller logs it and does not retry. */
export type EncapsulationReason = 'bad-address' | 'bad-sir' | 'bad-content' | 'expired' | 'too-large' | 'unsafe-text';

/**
 * The one error the encoders of this lib throw for input they refuse (an address that is not
 * routable on the bearer, a SIR that does not fit, CR/LF in a header value, ...).
 */
export class EncapsulationError extends Error {
  constructor(
    readonly reason: EncapsulationReason,
    message: string,
  ) {
    super(`${reason}: ${message}`);
    this.name = 'EncapsulationError';
  }
}
