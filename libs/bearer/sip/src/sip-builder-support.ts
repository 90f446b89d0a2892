import type { SipHeader } from './sip-message';
import { SipBuildError } from './sip-build-error';
import { assertHeaderName, assertHeaderValue } from './sip-header-guard';
import { canonicalHeaderName } from './sip-header-names';

/** Extra headers as a list (order, repeats) or a record (one value each). */
export type SipHeaderInput = readonly SipHeader[] | Readonly<Record<string, string>>;

const ENCODER = new TextEncoder();

/** Extra headers as a list, whichever form they came in. */
export function headerEntries(input: SipHeaderInput | undefined): SipHeader[] {
  if (input === undefined) return [];
  if (Array.isArray(input)) return [...(input as readonly SipHeader[])];
  return Object.entries(input as Readonly<Record<string, string>>).map(([name, value]) => ({ name, value }));
}

export function headerList(input: SipHeaderInput | undefined, reserved: readonly string[]): SipHeader[] {
  return headerEntries(input).map(({ name, value }) => {
    assertHeaderName(name);
    assertHeaderValue(name, value);
    const canonical = canonicalHeaderName(name);
    if (reserved.includes(canonical)) throw new SipBuildError(`${canonical} is set by the builder, not in headers`);
    return { name: canonical, value };
  });
}

/** The body as bytes, and its Content-Type header (RFC 3261 §20.15: required with a body). */
export function bodyParts(body: Uint8Array | string | undefined, contentType: string | undefined): {
  body: Uint8Array;
  headers: SipHeader[];
} {
  const bytes = body === undefined ? new Uint8Array(0) : typeof body === 'string' ? ENCODER.encode(body) : body;
  if (contentType === undefined) {
    if (bytes.length > 0) throw new SipBuildError('a body needs a Content-Type');
    return { body: bytes, headers: [] };
  }
  assertHeaderValue('Content-Type', contentType);
  return { body: bytes, headers: [{ name: 'Content-Type', value: contentType }] };
}

export function checked(name: string, value: string): SipHeader {
  assertHeaderValue(name, value);
  return { name, value };
}
