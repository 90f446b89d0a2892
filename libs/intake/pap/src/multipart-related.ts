import { parseContentType } from './content-type-header';
import { MultipartError } from './multipart-error';
import { DEFAULT_MULTIPART_LIMITS, isValidBoundary, MAX_BOUNDARY_LENGTH, MultipartLimits } from './multipart-limits';
import { readPartHeaders } from './multipart-headers';

export interface MultipartPart {
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  /** The Content-Type value as sent; RFC 2046 §5.1 default `text/plain` when absent. */
  readonly contentType: string;
  /** Lower-case media type of contentType, without parameters. */
  readonly mediaType: string;
  readonly body: Buffer;
}

export interface MultipartRelated {
  /** The `type` parameter: media type of the root part (RFC 2387 §3.1). */
  readonly type?: string;
  readonly parts: MultipartPart[];
}

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Parses a multipart/related body (RFC 2046 §5.1, RFC 2387). busboy cannot read
 * multipart/related (reliability.md parser facts), hence this small parser. Every limit
 * is checked before the work it bounds; the only error thrown is MultipartError.
 */
export function parseMultipartRelated(
  body: Buffer,
  contentTypeHeader: string,
  limits: Partial<MultipartLimits> = {},
): MultipartRelated {
  const lim = { ...DEFAULT_MULTIPART_LIMITS, ...limits };
  if (body.length > lim.maxBytes) throw new MultipartError('too-large', `${body.length} > ${lim.maxBytes} bytes`);
  const { boundary, type } = readOuterContentType(contentTypeHeader);
  const parts = splitParts(body, Buffer.from(`--${boundary}`, 'latin1'), lim);
  checkRoot(parts[0], type);
  return type === undefined ? { parts } : { type, parts };
}

function readOuterContentType(header: string): { boundary: string; type?: string } {
  const ct = parseContentType(header);
  if (!ct) throw new MultipartError('bad-content-type', 'unparseable Content-Type');
  if (ct.mediaType !== 'multipart/related') throw new MultipartError('not-multipart-related', ct.mediaType);
  const boundary = ct.params['boundary'];
  if (boundary === undefined || boundary === '') throw new MultipartError('missing-boundary', 'no boundary parameter');
  if (boundary.length > MAX_BOUNDARY_LENGTH) {
    throw new MultipartError('boundary-too-long', `${boundary.length} > ${MAX_BOUNDARY_LENGTH} characters`);
  }
  if (!isValidBoundary(boundary)) throw new MultipartError('invalid-boundary', 'characters outside RFC 2046 bchars');
  const type = ct.params['type'];
  return type === undefined ? { boundary } : { boundary, type: type.toLowerCase() };
}

function splitParts(body: Buffer, dash: Buffer, lim: MultipartLimits): MultipartPart[] {
  const first = findDelimiter(body, dash, 0);
  if (!first) throw new MultipartError('missing-opening-delimiter', 'no boundary delimiter line');
  const parts: MultipartPart[] = [];
  let delimiter = first;
  while (!delimiter.close) {
    if (parts.length >= lim.maxParts) throw new MultipartError('too-many-parts', `more than ${lim.maxParts} parts`);
    const { headers, bodyStart } = readPartHeaders(body, delimiter.next, lim);
    const next = findDelimiter(body, dash, bodyStart);
    if (!next) throw new MultipartError('missing-closing-delimiter', `part ${parts.length + 1} never ends`);
    parts.push(makePart(headers, body.subarray(bodyStart, Math.max(bodyStart, next.bodyEnd))));
    delimiter = next;
  }
  if (parts.length === 0) throw new MultipartError('no-parts', 'closing delimiter before any part');
  return parts;
}

interface Delimiter {
  /** End of the previous part's body: before the CRLF (or bare LF) that opens the line. */
  readonly bodyEnd: number;
  /** First byte after the delimiter line. */
  readonly next: number;
  readonly close: boolean;
}

/**
 * Finds the next `--boundary` that starts a line and is followed by `--` or by optional
 * transport padding and a line break (RFC 2046 §5.1.1). A bare LF is accepted as a line
 * break because PI scripts in the wild send them. Linear, and a plain byte loop: a body of
 * near-delimiters (`\n--ab` repeated) makes Buffer.indexOf cross into native code for every
 * candidate, which cost ~300 ns each (1 MiB took 50-90 ms; this takes a few).
 */
function findDelimiter(body: Buffer, dash: Buffer, from: number): Delimiter | undefined {
  const last = body.length - dash.length;
  candidates: for (let at = from; at <= last; at++) {
    if (body[at] !== DASH || (at > 0 && body[at - 1] !== LF)) continue;
    for (let k = 1; k < dash.length; k++) if (body[at + k] !== dash[k]) continue candidates;
    const bodyEnd = at === 0 ? 0 : at - (at >= 2 && body[at - 2] === CR ? 2 : 1);
    let p = at + dash.length;
    if (body[p] === DASH && body[p + 1] === DASH) return { bodyEnd, next: p + 2, close: true };
    while (body[p] === 0x20 || body[p] === 0x09) p++;
    if (body[p] === CR && body[p + 1] === LF) return { bodyEnd, next: p + 2, close: false };
    if (body[p] === LF) return { bodyEnd, next: p + 1, close: false };
  }
  return undefined;
}

function makePart(headers: Record<string, string>, body: Buffer): MultipartPart {
  const contentType = headers['content-type'] ?? 'text/plain';
  const ct = parseContentType(contentType);
  if (!ct) throw new MultipartError('malformed-header', `part Content-Type ${JSON.stringify(contentType.slice(0, 80))}`);
  return { headers, contentType, mediaType: ct.mediaType, body };
}

/** RFC 2387 §3.1: the root (first) part has the `type` media type; reliability.md #11. */
function checkRoot(root: MultipartPart, type: string | undefined): void {
  if (type !== undefined && root.mediaType !== type) {
    throw new MultipartError('root-type-mismatch', `root part is ${root.mediaType}, type says ${type}`);
  }
  if (!root.mediaType.endsWith('xml') && !root.mediaType.startsWith('text/')) return;
  const charset = parseContentType(root.contentType)?.params['charset']?.toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'us-ascii') {
    throw new MultipartError('unsupported-charset', charset);
  }
  try {
    UTF8.decode(root.body);
  } catch {
    throw new MultipartError('invalid-utf8', 'root part is not valid UTF-8');
  }
}
