import type { SipHeader, SipMessage } from './sip-message';
import { DEFAULT_SIP_LIMITS, type SipLimits } from './sip-limits';
import { SipParseError } from './sip-parse-error';
import { parseStartLine } from './sip-start-line';
import { parseHeaderSection } from './sip-header-section';
import { parseCSeq } from './sip-cseq';

const CR = 0x0d;
const LF = 0x0a;
const UTF8 = new TextDecoder('utf-8', { fatal: true });
const ENCODER = new TextEncoder();
const SINGLE = ['From', 'To', 'Call-ID', 'CSeq'];

/** RFC 3261 §7.5: CRLFs before the start line are ignored (also keep-alives, RFC 5626 §4.4.1). */
function skipCrlf(bytes: Uint8Array): number {
  let i = 0;
  while (i + 1 < bytes.length && bytes[i] === CR && bytes[i + 1] === LF) i += 2;
  return i;
}

/** Index of the CRLFCRLF that ends the header section, or -1. */
export function findHeaderEnd(bytes: Uint8Array, from = 0): number {
  for (let i = from; i + 3 < bytes.length; i += 1) {
    if (bytes[i] === CR && bytes[i + 1] === LF && bytes[i + 2] === CR && bytes[i + 3] === LF) return i;
  }
  return -1;
}

function decodeLines(bytes: Uint8Array, offset: number): string[] {
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new SipParseError('header section is not UTF-8', 400, offset);
  }
  const lines = text.split('\r\n');
  if (lines.some((l) => l.includes('\r') || l.includes('\n'))) throw new SipParseError('bare CR or LF', 400, offset);
  return lines;
}

/** RFC 3261 §8.2.2 / §20: the headers every request and response must carry exactly once. */
function checkMandatory(msg: SipMessage): void {
  const count = (name: string): number => msg.headers.filter((h: SipHeader) => h.name === name).length;
  if (count('Via') === 0) throw new SipParseError('missing Via', 400);
  for (const name of SINGLE) {
    if (count(name) !== 1) throw new SipParseError(`${name} must appear exactly once`, 400);
  }
  const cseq = parseCSeq(msg.headers.find((h) => h.name === 'CSeq')?.value ?? '');
  if (msg.kind === 'request' && cseq.method !== msg.method) throw new SipParseError('CSeq method differs', 400);
  const maxForwards = msg.headers.find((h) => h.name === 'Max-Forwards')?.value;
  if (maxForwards !== undefined && !(/^\d{1,3}$/.test(maxForwards) && Number(maxForwards) <= 255)) {
    throw new SipParseError('malformed Max-Forwards', 400);
  }
}

/** RFC 3261 §18.3 / §20.14: at most one, decimal, non-negative (reliability.md #23). */
export function declaredContentLength(values: readonly string[]): number | undefined {
  if (values.length > 1) throw new SipParseError('duplicate Content-Length', 400);
  if (values.length === 0) return undefined;
  if (!/^\d{1,10}$/.test(values[0])) throw new SipParseError('Content-Length is not a non-negative integer', 400);
  return Number(values[0]);
}

function checkBody(values: readonly string[], actual: number, limits: SipLimits): void {
  const declared = declaredContentLength(values);
  if (declared === undefined) return;
  if (declared > limits.maxMessageBytes) throw new SipParseError('declared body too large', 413);
  // reliability.md #23: a length that disagrees with the bytes is an error, not a hint.
  if (declared !== actual) throw new SipParseError(`Content-Length ${declared} but ${actual} body bytes`, 400);
}

/**
 * Parses one SIP message (a UDP datagram, or one frame cut from a stream by
 * SipStreamFramer). Returns a request or response, or throws SipParseError; nothing else.
 */
export function parseSipMessage(input: Uint8Array | string, limits: SipLimits = DEFAULT_SIP_LIMITS): SipMessage {
  const bytes = typeof input === 'string' ? ENCODER.encode(input) : input;
  if (bytes.length > limits.maxMessageBytes) throw new SipParseError('message too large', 513, bytes.length);
  const start = skipCrlf(bytes);
  const end = findHeaderEnd(bytes, start);
  if (end < 0) throw new SipParseError('no empty line after the headers', 400, bytes.length);
  const [startLine, ...lines] = decodeLines(bytes.subarray(start, end), start);
  const first = parseStartLine(startLine);
  const section = parseHeaderSection(lines, limits);
  const body = bytes.slice(end + 4);
  const head: SipMessage = { ...first, headers: section.headers, body: new Uint8Array(0) };
  try {
    checkMandatory(head);
    checkBody(section.contentLengths, body.length, limits);
  } catch (e) {
    throw e instanceof SipParseError ? e.withHead(head) : e;
  }
  return { ...head, body };
}
