import type { SipHeader, SipRequest, SipResponse } from './sip-message';
import { SipBuildError } from './sip-build-error';
import { assertHeaderValue } from './sip-header-guard';
import { bodyParts, headerList, type SipHeaderInput } from './sip-builder-support';
import { getHeader, getHeaders } from './sip-headers';
import { nameAddrTag } from './sip-name-addr';
import { newTag } from './sip-ids';

export interface SipResponseOptions {
  /** used when the request's To has no tag and status > 100; random if omitted */
  readonly toTag?: string;
  readonly headers?: SipHeaderInput;
  readonly contentType?: string;
  readonly body?: Uint8Array | string;
}

const RESERVED = ['Via', 'From', 'To', 'Call-ID', 'CSeq', 'Content-Type', 'Content-Length'];

function required(request: SipRequest, name: string): string {
  const value = getHeader(request, name);
  if (value === undefined) throw new SipBuildError(`cannot answer a request without ${name}`);
  return value;
}

/** RFC 3261 §8.2.6.2: a UAS adds a To tag to every response but 100. */
function toWithTag(to: string, status: number, tag: string | undefined): string {
  let existing: string | undefined;
  try {
    existing = nameAddrTag(to);
  } catch {
    throw new SipBuildError('cannot answer a request with a malformed To');
  }
  if (status === 100 || existing !== undefined) return to;
  const value = tag ?? newTag();
  assertHeaderValue('To tag', value);
  return `${to};tag=${value}`;
}

/** A response to `request`: Via, From, To (+tag), Call-ID and CSeq copied (RFC 3261 §8.2.6.2). */
export function buildResponse(request: SipRequest, status: number, reason: string, options: SipResponseOptions = {}): SipResponse {
  if (!Number.isInteger(status) || status < 100 || status > 699) throw new SipBuildError(`status out of range: ${status}`);
  assertHeaderValue('reason phrase', reason);
  const vias = getHeaders(request, 'Via');
  if (vias.length === 0) throw new SipBuildError('cannot answer a request without Via');
  const { body, headers: typeHeader } = bodyParts(options.body, options.contentType);
  const headers: SipHeader[] = [
    ...vias.map((value) => ({ name: 'Via', value })),
    { name: 'From', value: required(request, 'From') },
    { name: 'To', value: toWithTag(required(request, 'To'), status, options.toTag) },
    { name: 'Call-ID', value: required(request, 'Call-ID') },
    { name: 'CSeq', value: required(request, 'CSeq') },
    ...headerList(options.headers, RESERVED),
    ...typeHeader,
  ];
  return { kind: 'response', status, reason, headers, body };
}
