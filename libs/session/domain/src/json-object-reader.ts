import { SessionBodyError } from './session-body.error';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
// reliability.md #17: keys that would reach an object's prototype are refused outright
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// reliability.md #19: lone surrogates; C0 controls and DEL have no place in these values either
const LONE_SURROGATE = /\p{Cs}/u;

export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x7f) return true;
  }
  return false;
}

/** The body as a JSON object: the size is checked before any decoding. */
export function readJsonObject(bytes: Uint8Array, maxBytes: number): Record<string, unknown> {
  if (bytes.length > maxBytes) throw new SessionBodyError('too-large', `body of ${bytes.length} bytes, at most ${maxBytes}`);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new SessionBodyError('not-utf8', 'body is not UTF-8');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new SessionBodyError('not-json', 'body is not JSON');
  }
  if (!isPlainObject(value)) throw new SessionBodyError('not-object', 'body is not a JSON object');
  return value;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Refuses fields outside `allowed`, so a typo or an injected flag is an error, not ignored. */
export function onlyFields(object: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(object)) {
    if (!allowed.includes(key)) throw new SessionBodyError('unknown-field', `unknown field ${JSON.stringify(key.slice(0, 40))}`);
  }
}

/** A string of `min..max` characters without controls or lone surrogates. */
export function checkText(value: unknown, field: string, min: number, max: number): string {
  if (typeof value !== 'string' || value.length < min || value.length > max || hasControlCharacter(value) || LONE_SURROGATE.test(value)) {
    throw new SessionBodyError('bad-field', `${field}: not a string of ${min}..${max} characters`);
  }
  return value;
}

/** A flat map of short strings (ClientRespondedV1's records). */
export function checkStringMap(value: unknown, field: string, limits: { entries: number; key: number; value: number }): Record<string, string> {
  if (!isPlainObject(value)) throw new SessionBodyError('bad-field', `${field}: not an object`);
  const entries = Object.entries(value);
  if (entries.length > limits.entries) throw new SessionBodyError('bad-field', `${field}: more than ${limits.entries} entries`);
  const out: Record<string, string> = {};
  for (const [key, item] of entries) {
    if (FORBIDDEN_KEYS.has(key)) throw new SessionBodyError('bad-field', `${field}: forbidden key`);
    checkText(key, `${field} key`, 1, limits.key);
    out[key] = checkText(item, `${field}.${key}`, 0, limits.value);
  }
  return out;
}
