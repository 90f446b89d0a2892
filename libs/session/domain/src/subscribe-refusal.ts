/**
 * Why a SUBSCRIBE is answered with an error (docs/push-session.md, "Answers"): 400 malformed,
 * 401 bad or missing auth, 403 unknown client or tenant, 481 unknown dialog, 489 bad event.
 */
export class SubscribeRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 481 | 489,
    readonly reason: string,
    detail: string,
  ) {
    super(detail);
    this.name = 'SubscribeRefusal';
  }
}
