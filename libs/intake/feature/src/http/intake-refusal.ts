/** A request refused before its content is looked at: no key, over quota, database down. */
export class IntakeRefusal extends Error {
  constructor(
    readonly kind: 'unauthorized' | 'quota' | 'unavailable',
    readonly status: 401 | 429 | 503,
    message: string,
    readonly retryAfterS?: number,
  ) {
    super(message);
    this.name = 'IntakeRefusal';
  }
}
