export type WbxmlCompileReason = 'unsupported-document' | 'unknown-element' | 'unknown-attribute' | 'invalid-value';

/** Thrown by the compilers for well-formed XML that is not a valid SI, SL or CO document. */
export class WbxmlCompileError extends Error {
  constructor(
    readonly reason: WbxmlCompileReason,
    message: string,
  ) {
    super(`${reason}: ${message}`);
    this.name = 'WbxmlCompileError';
  }
}
