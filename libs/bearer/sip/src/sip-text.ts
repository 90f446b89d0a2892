/** RFC 3261 §25.1 token characters. */
const TOKEN = /^[A-Za-z0-9\-.!%*_+`'~]+$/;

export function isToken(text: string): boolean {
  return TOKEN.test(text);
}

/**
 * Splits on `sep` outside double quotes and angle brackets, so that a display name like
 * `"Doe, John"` or a URI like `<sip:a@b;x=1>` stays whole (RFC 3261 §7.3.1, §20.10).
 * Elements are trimmed; empty elements are dropped.
 */
export function splitOutside(text: string, sep: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let angle = false;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted && ch === '\\') i += 1;
    else if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '<') angle = true;
    else if (!quoted && ch === '>') angle = false;
    else if (!quoted && !angle && ch === sep) {
      parts.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(text.slice(start).trim());
  return parts.filter((p) => p.length > 0);
}

/** Removes the quotes (and backslash escapes) of an RFC 3261 quoted-string; other text is returned as is. */
export function unquote(text: string): string {
  if (text.length < 2 || !text.startsWith('"') || !text.endsWith('"')) return text;
  return text.slice(1, -1).replace(/\\(.)/g, '$1');
}

export function quote(text: string): string {
  return `"${text.replace(/["\\]/g, '\\$&')}"`;
}

/** C0 controls (HT excepted) and DEL, which RFC 3261 §25.1 TEXT-UTF8char excludes; CR/LF above all. */
export function hasControlChar(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return true;
  }
  return false;
}
