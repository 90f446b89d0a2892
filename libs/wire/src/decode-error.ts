/** The one error every binary decoder throws for bad input (reliability.md S3). */
export class DecodeError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(`${message} at offset ${offset}`);
    this.name = 'DecodeError';
  }
}
