/** Reports a syntax problem; each caller turns it into its own typed error. */
export type Fail = (reason: string) => never;

/** Longest value any identity or address may have (contracts: MAX_URI). */
export const MAX_VALUE_LENGTH = 1024;

/** Rejects non-strings, empty and oversize values before any pattern runs on them. */
export function requireText(value: unknown, fail: Fail): string {
  if (typeof value !== 'string') return fail('not a string');
  if (value.length === 0) return fail('empty');
  if (value.length > MAX_VALUE_LENGTH) return fail(`longer than ${MAX_VALUE_LENGTH} characters`);
  return value;
}
