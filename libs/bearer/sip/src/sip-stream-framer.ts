import { DEFAULT_SIP_LIMITS, type SipLimits } from './sip-limits';
import { SipParseError } from './sip-parse-error';
import { declaredContentLength, findHeaderEnd, parseSipMessage } from './sip-message-parser';

/** A complete message cut from the stream, or an RFC 5626 §4.4.1 CRLFCRLF keep-alive ping. */
export type SipFrame = { readonly kind: 'message'; readonly bytes: Uint8Array } | { readonly kind: 'ping' };

const CONTENT_LENGTH = /^(?:content-length|l)[ \t]*:[ \t]*(.*?)[ \t]*$/i;
const LATIN1 = new TextDecoder('latin1');

/**
 * Cuts a TCP byte stream into SIP messages by Content-Length (RFC 3261 §18.3: mandatory on
 * streams). A framing error throws SipParseError; the stream cannot be resynchronised
 * after one, so the caller answers (if `head` is set) and closes it (reliability.md #23).
 * The buffer grows by doubling and the header scan resumes where it stopped, so a
 * byte-by-byte trickle costs linear time.
 */
export class SipStreamFramer {
  private buf = new Uint8Array(1024);
  private len = 0;
  private scanned = 0;

  constructor(private readonly limits: SipLimits = DEFAULT_SIP_LIMITS) {}

  get buffered(): number {
    return this.len;
  }

  push(chunk: Uint8Array): SipFrame[] {
    this.append(chunk);
    const frames: SipFrame[] = [];
    for (let frame = this.next(); frame; frame = this.next()) frames.push(frame);
    return frames;
  }

  private append(chunk: Uint8Array): void {
    if (this.len + chunk.length > this.buf.length) {
      const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + chunk.length));
      next.set(this.buf.subarray(0, this.len));
      this.buf = next;
    }
    this.buf.set(chunk, this.len);
    this.len += chunk.length;
  }

  private consume(n: number): Uint8Array {
    const out = this.buf.slice(0, n);
    this.buf.copyWithin(0, n, this.len);
    this.len -= n;
    this.scanned = 0;
    return out;
  }

  private next(): SipFrame | undefined {
    if (this.skipPongs()) return { kind: 'ping' };
    const view = this.buf.subarray(0, Math.min(this.len, this.limits.maxMessageBytes + 4));
    const end = findHeaderEnd(view, this.scanned);
    if (end < 0) {
      if (this.len > this.limits.maxMessageBytes) throw new SipParseError('header section too large', 513);
      this.scanned = Math.max(0, view.length - 3);
      return undefined;
    }
    const total = end + 4 + this.contentLength(end);
    if (total > this.limits.maxMessageBytes) throw this.headError(end, 'declared body too large', 413);
    if (this.len < total) return undefined;
    return { kind: 'message', bytes: this.consume(total) };
  }

  /**
   * Drops lone CRLFs (pongs); true when a CRLFCRLF ping was consumed. A CRLF at the very
   * end waits for the next bytes, since it may be the first half of a ping.
   */
  private skipPongs(): boolean {
    while (this.len >= 2 && this.buf[0] === 0x0d && this.buf[1] === 0x0a) {
      if (this.len < 4 && (this.len === 2 || this.buf[2] === 0x0d)) return false;
      const ping = this.buf[2] === 0x0d && this.buf[3] === 0x0a;
      this.consume(ping ? 4 : 2);
      if (ping) return true;
    }
    return false;
  }

  private contentLength(end: number): number {
    const lines = LATIN1.decode(this.buf.subarray(0, end)).split('\r\n');
    const values = lines.flatMap((line) => CONTENT_LENGTH.exec(line)?.[1] ?? []);
    let declared: number | undefined;
    try {
      declared = declaredContentLength(values);
    } catch (e) {
      throw this.headError(end, (e as Error).message.replace(/ at offset \d+$/, ''), 400);
    }
    if (declared === undefined) throw this.headError(end, 'missing Content-Length on a stream', 400);
    return declared;
  }

  /** Attaches the message head when it parses, so the caller can still answer. */
  private headError(end: number, message: string, status: 400 | 413): SipParseError {
    try {
      const head = parseSipMessage(this.buf.slice(0, end + 4), this.limits);
      return new SipParseError(message, status, 0, head);
    } catch (e) {
      if (!(e instanceof SipParseError)) throw e;
      return e.head ? new SipParseError(message, status, 0, e.head) : e;
    }
  }
}
