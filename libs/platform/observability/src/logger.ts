import pino, { Logger } from 'pino';
import { currentLogContext } from './log-context';

export type { Logger } from 'pino';

/** JSON logs on stdout; each line carries the current correlation and push ids. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    name: service,
    level,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => ({ ...currentLogContext() }),
    redact: { paths: ['*.password', '*.apiKey', '*.secret', 'headers.authorization'], censor: '[redacted]' },
  });
}
