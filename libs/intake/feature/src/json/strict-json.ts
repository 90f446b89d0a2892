import { JsonInputError } from './json-input-error';

export const MAX_JSON_DEPTH = 8;
/** Keys that reach Object.prototype when copied naively (reliability.md #17). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON for the push API, stricter than JSON.parse (reliability.md #17, #19): UTF-8 only, nesting
 * checked before parsing (10k-deep arrays never reach the parser), no prototype keys, no
 * numbers that overflow to Infinity (1e309), no lone surrogates in strings or keys.
 */
export function parseStrictJson(body: Buffer, maxDepth = MAX_JSON_DEPTH): unknown {
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    throw new JsonInputError(400, 'invalid-json', 'body is not UTF-8');
  }
  checkDepth(text, maxDepth);
  try {
    return JSON.parse(text, revive);
  } catch (e) {
    if (e instanceof JsonInputError) throw e;
    throw new JsonInputError(400, 'invalid-json', `body is not JSON: ${(e as Error).message.slice(0, 120)}`);
  }
}

function revive(key: string, value: unknown): unknown {
  if (FORBIDDEN_KEYS.has(key)) throw new JsonInputError(400, 'forbidden-key', `key ${key} is not allowed`);
  if (!isWellFormed(key)) throw new JsonInputError(400, 'invalid-string', 'a key has a lone surrogate');
  if (typeof value === 'number' && !Number.isFinite(value)) throw new JsonInputError(400, 'invalid-number', 'a number is out of range');
  if (typeof value === 'string' && !isWellFormed(value)) throw new JsonInputError(400, 'invalid-string', 'a string has a lone surrogate');
  return value;
}

/** Counts [ and { outside strings; linear, no recursion. */
function checkDepth(text: string, maxDepth: number): void {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) throw new JsonInputError(400, 'too-deep', `nesting deeper than ${maxDepth}`);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
}

/** String.prototype.isWellFormed (ES2024, not in our lib): no unpaired UTF-16 surrogate. */
function isWellFormed(s: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
}
