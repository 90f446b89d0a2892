/** The PPG (or the proxy) answered the SUBSCRIBE with a failure (docs/push-session.md: 400, 401, 403, 489...). */
export class SessionRefusedError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
  ) {
    super(`push session refused: ${status} ${reason}`);
    this.name = 'SessionRefusedError';
  }
}
