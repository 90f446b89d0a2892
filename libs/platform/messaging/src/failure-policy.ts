/**
 * Every consumer's failure policy (STYLE.md, Messaging):
 * invalid payload -> dead-letter topic at once; PermanentError -> dead-letter at once;
 * any other error is transient -> bounded retries with jittered exponential backoff, then dead-letter.
 */
export class PermanentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentError';
  }
}

export interface RetryPolicy {
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialBackoffMs: 100, maxBackoffMs: 5000 };

/** Full-jitter exponential backoff: uniform in [0, min(max, initial * 2^(attempt-1))]. */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(cap * (0.5 + random() / 2));
}

export function isPermanent(error: unknown): boolean {
  return error instanceof PermanentError || (error as Error | undefined)?.name === 'ContractViolation';
}
