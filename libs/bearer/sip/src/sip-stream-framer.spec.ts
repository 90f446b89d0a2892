import { COMPACT_NOTIFY, MESSAGE_REQUEST, REGISTER_OK } from './testing/sip-samples.fixture';
import { SipStreamFramer, type SipFrame } from './sip-stream-framer';
import { SipParseError } from './sip-parse-error';
import { parseSipMessage } from './sip-message-parser';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
const dec = (b: Uint8Array): string => new TextDecoder().decode(b);
const texts = (frames: SipFrame[]): string[] => frames.map((f) => (f.kind === 'message' ? dec(f.bytes) : 'PING'));

function framingError(stream: string): SipParseError {
  try {
    new SipStreamFramer().push(enc(stream));
  } catch (e) {
    if (e instanceof SipParseError) return e;
    throw e;
  }
  throw new Error('expected a SipParseError');
}

describe('SipStreamFramer (RFC 3261 §18.3)', () => {
  const stream = `${MESSAGE_REQUEST}\r\n\r\n${REGISTER_OK}\r\n${COMPACT_NOTIFY}`;
  const expected = [MESSAGE_REQUEST, 'PING', REGISTER_OK, COMPACT_NOTIFY];

  it('cuts messages by Content-Length and reports CRLFCRLF keep-alives (RFC 5626 §4.4.1)', () => {
    expect(texts(new SipStreamFramer().push(enc(stream)))).toEqual(expected);
  });

  it('gives the same frames when the stream arrives byte by byte', () => {
    const framer = new SipStreamFramer();
    const frames = Array.from(enc(stream)).flatMap((b) => framer.push(Uint8Array.of(b)));
    expect(texts(frames)).toEqual(expected);
    expect(framer.buffered).toBe(0);
  });

  it('waits for the body before emitting', () => {
    const framer = new SipStreamFramer();
    expect(framer.push(enc(MESSAGE_REQUEST.slice(0, -2)))).toEqual([]);
    expect(texts(framer.push(enc('lo')))).toEqual([MESSAGE_REQUEST]);
  });

  it.each([
    ['missing', MESSAGE_REQUEST.replace('Content-Length: 5\r\n', '')],
    ['duplicate', MESSAGE_REQUEST.replace('Content-Length: 5', 'Content-Length: 5\r\nl: 5')],
    ['negative', MESSAGE_REQUEST.replace('Content-Length: 5', 'Content-Length: -5')],
  ])('%s Content-Length -> 400 with the head to answer (reliability.md #23)', (_label, text) => {
    const err = framingError(text);
    expect(err.status).toBe(400);
    expect(err.head && parseSipMessage(enc(MESSAGE_REQUEST)).kind).toBe('request');
  });

  it('a declared body past 64 KiB -> 413; an endless header section -> 513', () => {
    expect(framingError(MESSAGE_REQUEST.replace('Content-Length: 5', 'Content-Length: 4294967295')).status).toBe(413);
    expect(framingError(`MESSAGE sip:a@b SIP/2.0\r\nX: ${'a'.repeat(70000)}`).status).toBe(513);
  });

  it('a 64 KiB trickle of one byte at a time stays linear', () => {
    const framer = new SipStreamFramer();
    const started = performance.now();
    const header = enc(`MESSAGE sip:a@b SIP/2.0\r\nX: ${'a'.repeat(60000)}`);
    for (const b of header) framer.push(Uint8Array.of(b));
    expect(framer.buffered).toBe(header.length);
    console.log(`64 KiB trickle: ${(performance.now() - started).toFixed(0)} ms`);
  });
});
