import type { SipHeader, SipRequest } from './sip-message';
import { SipBuildError } from './sip-build-error';
import { assertNoSpace } from './sip-header-guard';
import { bodyParts, checked, headerList, type SipHeaderInput } from './sip-builder-support';
import { parseNameAddr } from './sip-name-addr';
import { parseVia } from './sip-via';
import { isToken } from './sip-text';

export interface SipRequestSpec {
  readonly method: string;
  readonly requestUri: string;
  /** name-addr text, e.g. `<sip:ppg@example.com>;tag=1928301774` */
  readonly from: string;
  readonly to: string;
  readonly callId: string;
  readonly cseq: number;
  /** top first */
  readonly via: string | readonly string[];
  readonly contact?: string;
  readonly maxForwards?: number;
  readonly headers?: SipHeaderInput;
  readonly contentType?: string;
  readonly body?: Uint8Array | string;
}

const RESERVED = ['Via', 'Max-Forwards', 'From', 'To', 'Call-ID', 'CSeq', 'Contact', 'Content-Type', 'Content-Length'];

/** Each value must parse: a bad From or Via is our bug, not the peer's (RFC 3261 §8.1.1). */
function validated(name: string, value: string, parse: (v: string) => unknown): SipHeader {
  const header = checked(name, value);
  try {
    parse(value);
  } catch (e) {
    throw new SipBuildError(`${name}: ${(e as Error).message}`);
  }
  return header;
}

function checkScalars(spec: SipRequestSpec): void {
  if (!isToken(spec.method)) throw new SipBuildError(`method is not a token: ${JSON.stringify(spec.method)}`);
  assertNoSpace('Request-URI', spec.requestUri);
  assertNoSpace('Call-ID', spec.callId);
  if (!Number.isInteger(spec.cseq) || spec.cseq < 0 || spec.cseq > 0x7fffffff) throw new SipBuildError('CSeq out of range');
  const mf = spec.maxForwards ?? 70;
  if (!Number.isInteger(mf) || mf < 0 || mf > 255) throw new SipBuildError('Max-Forwards out of range');
}

/** Builds a request with the headers RFC 3261 §8.1.1 requires, refusing CR/LF anywhere (#25). */
export function buildRequest(spec: SipRequestSpec): SipRequest {
  checkScalars(spec);
  const vias = typeof spec.via === 'string' ? [spec.via] : spec.via;
  if (vias.length === 0) throw new SipBuildError('at least one Via');
  const { body, headers: typeHeader } = bodyParts(spec.body, spec.contentType);
  const headers: SipHeader[] = [
    ...vias.map((v) => validated('Via', v, parseVia)),
    { name: 'Max-Forwards', value: String(spec.maxForwards ?? 70) },
    validated('From', spec.from, parseNameAddr),
    validated('To', spec.to, parseNameAddr),
    { name: 'Call-ID', value: spec.callId },
    { name: 'CSeq', value: `${spec.cseq} ${spec.method}` },
    ...(spec.contact === undefined ? [] : [validated('Contact', spec.contact, parseNameAddr)]),
    ...headerList(spec.headers, RESERVED),
    ...typeHeader,
  ];
  return { kind: 'request', method: spec.method, requestUri: spec.requestUri, headers, body };
}
