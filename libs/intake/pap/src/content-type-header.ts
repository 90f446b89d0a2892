/** A parsed `Content-Type` value: lower-case media type and lower-case parameter names. */
export interface ContentTypeHeader {
  readonly mediaType: string;
  readonly params: Readonly<Record<string, string>>;
}

export const MAX_CONTENT_TYPE_LENGTH = 1024;

// RFC 7230 §3.2.6 token and RFC 2045 §5.1 media type syntax
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const MEDIA_TYPE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)\/([!#$%&'*+.^_`|~0-9A-Za-z-]+)$/;

/** Parses a Content-Type value; `undefined` when it is not one (the caller chooses the error). */
export function parseContentType(value: string): ContentTypeHeader | undefined {
  if (value.length > MAX_CONTENT_TYPE_LENGTH) return undefined;
  const semi = value.indexOf(';');
  const type = (semi < 0 ? value : value.slice(0, semi)).trim();
  if (!MEDIA_TYPE.test(type)) return undefined;
  const params = semi < 0 ? {} : parseParams(value.slice(semi + 1));
  return params && { mediaType: type.toLowerCase(), params };
}

function parseParams(text: string): Record<string, string> | undefined {
  const params: Record<string, string> = Object.create(null);
  let i = 0;
  while (i < text.length) {
    const eq = text.indexOf('=', i);
    if (eq < 0) return text.slice(i).trim() === '' ? params : undefined;
    const name = text.slice(i, eq).trim().toLowerCase();
    if (!TOKEN.test(name) || name in params) return undefined;
    const parsed = readValue(text, eq + 1);
    if (!parsed) return undefined;
    params[name] = parsed.value;
    i = parsed.next;
  }
  return params;
}

/** Reads a token or a quoted-string (RFC 7230 §3.2.6) and the `;` after it. */
function readValue(text: string, from: number): { value: string; next: number } | undefined {
  let i = from;
  while (text[i] === ' ' || text[i] === '\t') i++;
  let value = '';
  if (text[i] === '"') {
    for (i++; i < text.length && text[i] !== '"'; i++) {
      if (text[i] === '\\') i++;
      value += text[i] ?? '';
    }
    if (text[i] !== '"') return undefined;
    i++;
  } else {
    const end = text.indexOf(';', i);
    value = text.slice(i, end < 0 ? text.length : end).trim();
    if (!TOKEN.test(value)) return undefined;
    i = end < 0 ? text.length : end;
  }
  while (text[i] === ' ' || text[i] === '\t') i++;
  if (i < text.length && text[i] !== ';') return undefined;
  return { value, next: i + 1 };
}

/** Writes a parameter value as a token when it is one, else as a quoted-string. */
export function formatParamValue(value: string): string {
  return TOKEN.test(value) ? value : `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
