import pino from 'pino';

/** The subset of a pino logger the client writes to (structured object first, then the message). */
export interface SmppLogger {
  debug(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

export function defaultSmppLogger(): SmppLogger {
  return pino({ name: 'bearer-smpp', level: process.env.LOG_LEVEL ?? 'info' });
}
