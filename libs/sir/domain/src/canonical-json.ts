/**
 * Deterministic JSON: object keys sorted by UTF-16 code unit, `undefined` members dropped,
 * no whitespace. Signer and verifier must serialise a SirDocument to the same bytes.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

// With the `u` flag a surrogate *pair* is one code point, so this only matches lone surrogates.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** True when every string inside `value` is well-formed UTF-16 (reliability.md (c) #19). */
export function isWellFormedDeep(value: unknown): boolean {
  if (typeof value === 'string') return !LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.every(isWellFormedDeep);
  if (value !== null && typeof value === 'object') return Object.values(value).every(isWellFormedDeep);
  return true;
}
