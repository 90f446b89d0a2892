import { AsyncLocalStorage } from 'node:async_hooks';

/** Ids that every log line written while handling one push carries (STYLE.md: correlationId, pushId). */
export interface LogContext {
  correlationId?: string;
  pushId?: string;
  eventId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export function withLogContext<T>(ctx: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...ctx }, fn);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
