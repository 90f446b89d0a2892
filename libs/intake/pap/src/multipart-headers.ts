import { MultipartError } from './multipart-error';
import { MultipartLimits } from './multipart-limits';

const LF = 0x0a;
const CR = 0x0d;
// RFC 7230 §3.2: field-name is a token; the value is visible ASCII, space and tab
const HEADER_LINE = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+):([\x20-\x7e\t]*)$/;

/** Reads the header block of one part, starting at `from`; returns the headers and where the body starts. */
export function readPartHeaders(
  body: Buffer,
  from: number,
  lim: MultipartLimits,
): { headers: Record<string, string>; bodyStart: number } {
  const headers: Record<string, string> = Object.create(null);
  let count = 0;
  let p = from;
  for (;;) {
    const { line, next } = readLine(body, p, lim.maxHeaderLineLength);
    p = next;
    if (line === '') return { headers, bodyStart: p };
    if (++count > lim.maxHeadersPerPart) {
      throw new MultipartError('too-many-headers', `more than ${lim.maxHeadersPerPart} headers in a part`);
    }
    addHeader(headers, line);
  }
}

function readLine(body: Buffer, from: number, max: number): { line: string; next: number } {
  // search no further than the longest allowed line, CRLF included
  const window = body.subarray(from, from + max + 2);
  const at = window.indexOf(LF);
  const lf = at < 0 ? -1 : from + at;
  const end = lf < 0 ? from + window.length : lf;
  const contentEnd = end > from && body[end - 1] === CR ? end - 1 : end;
  if (contentEnd - from > max) throw new MultipartError('header-line-too-long', `header line longer than ${max}`);
  if (lf < 0) throw new MultipartError('unterminated-headers', 'part headers do not end with an empty line');
  return { line: body.toString('latin1', from, contentEnd), next: lf + 1 };
}

function addHeader(headers: Record<string, string>, line: string): void {
  // RFC 7230 §3.2.4 obsolete line folding; dicer CVE-2022-24434 (reliability.md #9)
  if (line[0] === ' ' || line[0] === '\t') {
    throw new MultipartError('obsolete-header-folding', 'header line starts with white space');
  }
  const m = HEADER_LINE.exec(line);
  if (!m) throw new MultipartError('malformed-header', JSON.stringify(line.slice(0, 80)));
  const name = m[1].toLowerCase();
  if (name in headers) throw new MultipartError('duplicate-header', name);
  headers[name] = m[2].trim();
}
