export type SirCompositionFailure =
  | 'no-sir-needed'
  | 'missing-identity'
  | 'bad-target'
  | 'expired'
  | 'bad-nonce'
  | 'invalid';

/** A SirRequestedV1 that cannot become a SIR; `reason` lets the handler choose dead-letter vs. expiry. */
export class SirCompositionError extends Error {
  constructor(
    readonly reason: SirCompositionFailure,
    message: string,
  ) {
    super(`${reason}: ${message}`);
    this.name = 'SirCompositionError';
  }
}
