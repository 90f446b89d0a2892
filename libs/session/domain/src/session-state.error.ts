/** An operation the session's current phase does not allow (a bug in the caller, not bad input). */
export class SessionStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SessionStateError';
  }
}
