import { SipParseError } from './sip-parse-error';

export interface SipCSeq {
  readonly seq: number;
  readonly method: string;
}

const CSEQ = /^(\d{1,10})[ \t]+([A-Za-z0-9\-.!%*_+`'~]+)$/;

/** RFC 3261 §20.16: sequence number below 2**31, then the method. */
export function parseCSeq(value: string): SipCSeq {
  const m = CSEQ.exec(value);
  if (!m || Number(m[1]) > 0x7fffffff) throw new SipParseError(`malformed CSeq: ${value.slice(0, 40)}`, 400);
  return { seq: Number(m[1]), method: m[2] };
}

export function formatCSeq(cseq: SipCSeq): string {
  return `${cseq.seq} ${cseq.method}`;
}
