export type SessionBodyProblem = 'too-large' | 'not-utf8' | 'not-json' | 'not-object' | 'unknown-field' | 'bad-field';

/** A SUBSCRIBE or NOTIFY body that is not what docs/push-session.md defines: the one typed error of the codecs. */
export class SessionBodyError extends Error {
  constructor(
    readonly problem: SessionBodyProblem,
    message: string,
  ) {
    super(message);
    this.name = 'SessionBodyError';
  }
}
