/**
 * We refuse to produce a SIR artefact (SIA bytes, JSON, header value) from input that our own
 * canonical encoders cannot represent faithfully (reliability.md (d): emit only canonical encodings).
 * Decoders of received bytes throw `DecodeError` from `@waken/wire` instead.
 */
export class SirFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SirFormatError';
  }
}
