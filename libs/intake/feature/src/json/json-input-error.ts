/** A JSON API request refused for its content: 400 invalid, 403 forbidden, 413 too large, 415 media type. */
export class JsonInputError extends Error {
  constructor(
    readonly status: 400 | 403 | 413 | 415,
    readonly error: string,
    message: string,
  ) {
    super(message);
    this.name = 'JsonInputError';
  }
}
