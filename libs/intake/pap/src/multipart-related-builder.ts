import { randomBytes } from 'node:crypto';
import { formatParamValue } from './content-type-header';
import { MultipartError } from './multipart-error';
import { isValidBoundary } from './multipart-limits';

export interface MultipartPartInput {
  readonly contentType: string;
  /** Extra headers (e.g. X-Wap-Application-Id); not Content-Type, which is taken from contentType. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

export interface BuiltMultipart {
  readonly contentType: string;
  readonly body: Buffer;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const HEADER_VALUE = /^[\x20-\x7e\t]*$/;

/** A fresh boundary: 32 hex characters, valid bchars. */
export function randomBoundary(): string {
  return `waken-${randomBytes(16).toString('hex')}`;
}

/**
 * Builds a multipart/related body with CRLF line breaks (RFC 2046 §5.1.1), e.g. the
 * ccq-response (pap.md §1). The root part's media type becomes the `type` parameter.
 */
export function buildMultipartRelated(parts: readonly MultipartPartInput[], boundary: string = randomBoundary()): BuiltMultipart {
  if (!isValidBoundary(boundary)) throw new MultipartError('invalid-boundary', 'characters outside RFC 2046 bchars');
  if (parts.length === 0) throw new MultipartError('no-parts', 'nothing to build');
  const dash = `--${boundary}`;
  const chunks: Buffer[] = [];
  for (const part of parts) {
    if (part.body.includes(dash, 0, 'latin1')) throw new MultipartError('boundary-in-body', 'choose another boundary');
    chunks.push(Buffer.from(`${dash}\r\n${headerBlock(part)}\r\n`, 'latin1'), part.body, Buffer.from('\r\n', 'latin1'));
  }
  chunks.push(Buffer.from(`${dash}--\r\n`, 'latin1'));
  const rootType = parts[0].contentType.split(';')[0].trim();
  return {
    contentType: `multipart/related; boundary=${formatParamValue(boundary)}; type=${formatParamValue(rootType)}`,
    body: Buffer.concat(chunks),
  };
}

function headerBlock(part: MultipartPartInput): string {
  const headers: [string, string][] = [['Content-Type', part.contentType]];
  const seen = new Set(['content-type']);
  for (const [name, value] of Object.entries(part.headers ?? {})) {
    if (seen.has(name.toLowerCase())) throw new MultipartError('duplicate-header', name);
    seen.add(name.toLowerCase());
    headers.push([name, value]);
  }
  return headers
    .map(([name, value]) => {
      if (!HEADER_NAME.test(name) || !HEADER_VALUE.test(value)) throw new MultipartError('malformed-header', name);
      return `${name}: ${value}\r\n`;
    })
    .join('');
}
