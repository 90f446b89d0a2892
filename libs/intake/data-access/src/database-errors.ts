import { QueryFailedError } from 'typeorm';

const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

/**
 * True when the error means "the database is not there right now" rather than "the request
 * is wrong": the answer is then 503 / PAP 4001 with Retry-After (reliability.md R2).
 * SQLSTATE class 08 (connection exception), 57P01-57P03 (shutdown, cannot connect now),
 * 53300 (too many connections); pg pool messages for a dropped or unreachable server.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const driver = error instanceof QueryFailedError ? (error.driverError as { code?: string }) : (error as { code?: string } | undefined);
  const code = driver?.code ?? '';
  if (UNAVAILABLE_CODES.has(code) || code.startsWith('08') || /^57P0[1-3]$/.test(code) || code === '53300') return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|not (currently )?accepting connections|the database system is (starting up|shutting down)/i.test(message);
}

/** SQLSTATE 23505 unique_violation on the named constraint. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driver = error.driverError as { code?: string; constraint?: string };
  return driver.code === '23505' && driver.constraint === constraint;
}
