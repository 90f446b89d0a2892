import { COMPACT_NOTIFY, MESSAGE_REQUEST, REGISTER_OK } from './testing/sip-samples.fixture';
import { getHeader, getHeaders } from './sip-headers';
import { parseSipMessage } from './sip-message-parser';
import { SipParseError } from './sip-parse-error';
import type { SipRequest } from './sip-message';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

function parseError(input: string | Uint8Array): SipParseError {
  try {
    parseSipMessage(input);
  } catch (e) {
    if (e instanceof SipParseError) return e;
    throw e;
  }
  throw new Error('expected a SipParseError');
}

/** MESSAGE_REQUEST with one header line replaced or added. */
function variant(find: string, replace: string): string {
  if (!MESSAGE_REQUEST.includes(find)) throw new Error(`fixture lacks ${find}`);
  return MESSAGE_REQUEST.replace(find, replace);
}

describe('parseSipMessage: valid messages', () => {
  it('parses a MESSAGE request with its body (RFC 3428)', () => {
    const msg = parseSipMessage(MESSAGE_REQUEST) as SipRequest;
    expect(msg.kind).toBe('request');
    expect(msg.method).toBe('MESSAGE');
    expect(msg.requestUri).toMatch(/;gr=urn:uuid:f81d4fae/);
    expect(getHeader(msg, 'call-id')).toBe('asd88asd77a@127.0.0.1');
    expect(getHeader(msg, 'X-WAP-APPLICATION-ID')).toBe('x-wap-application:push.sia');
    expect(getHeader(msg, 'Content-Length')).toBeUndefined();
    expect(text(msg.body)).toBe('hello');
  });

  it('parses a response and splits a multi-value Contact outside quotes', () => {
    const msg = parseSipMessage(REGISTER_OK);
    expect(msg.kind === 'response' && msg.status === 200 && msg.reason === 'OK').toBe(true);
    const contacts = getHeaders(msg, 'm');
    expect(contacts).toHaveLength(2);
    expect(contacts[0]).toContain('temp-gruu="sip:uloc-1-2-3@example.com;gr"');
  });

  it('expands compact forms, normalises case and splits Via lists (RFC 3261 §7.3.3)', () => {
    const msg = parseSipMessage(COMPACT_NOTIFY);
    expect(msg.headers.map((h) => h.name)).toEqual([
      'Via', 'Via', 'From', 'To', 'Call-ID', 'CSeq', 'Event', 'Supported', 'Supported', 'Content-Type',
    ]);
    expect(getHeaders(msg, 'supported')).toEqual(['gruu', 'outbound']);
    expect(text(msg.body)).toBe('<a>');
  });

  it('unfolds continuation lines and ignores CRLFs before the start line', () => {
    const folded = variant('Max-Forwards: 70', 'Subject: first\r\n\t second');
    const msg = parseSipMessage(`\r\n\r\n${folded}`);
    expect(getHeader(msg, 's')).toBe('first second');
  });

  it('takes the rest of a datagram as the body when Content-Length is absent', () => {
    const msg = parseSipMessage(variant('Content-Length: 5\r\n', ''));
    expect(text(msg.body)).toBe('hello');
  });

  it('accepts bytes with a binary body', () => {
    const head = new TextEncoder().encode(variant('Content-Length: 5\r\n\r\nhello', 'Content-Length: 3\r\n\r\n'));
    const bytes = new Uint8Array([...head, 0x00, 0xff, 0x0d]);
    expect(Array.from(parseSipMessage(bytes).body)).toEqual([0x00, 0xff, 0x0d]);
  });
});

describe('parseSipMessage: bad input (reliability.md #23, #24)', () => {
  it.each([
    ['duplicate', 'Content-Length: 5\r\nContent-Length: 5'],
    ['duplicate compact', 'Content-Length: 5\r\nl: 5'],
    ['negative', 'Content-Length: -5'],
    ['non-numeric', 'Content-Length: five'],
    ['list', 'Content-Length: 5, 5'],
    ['too short', 'Content-Length: 4'],
    ['too long', 'Content-Length: 6'],
  ])('Content-Length %s -> 400 with the head attached', (_label, line) => {
    const err = parseError(variant('Content-Length: 5', line));
    expect(err.status).toBe(400);
    expect(err.head?.kind).toBe('request');
  });

  it('declared body beyond the message cap -> 413', () => {
    expect(parseError(variant('Content-Length: 5', 'Content-Length: 9999999999')).status).toBe(413);
  });

  it('a 64 KB header line -> 513', () => {
    expect(parseError(variant('Max-Forwards: 70', `X-Long: ${'a'.repeat(9000)}`)).status).toBe(513);
    expect(parseError(variant('Max-Forwards: 70', `X-Long: ${'a'.repeat(64 * 1024)}`)).status).toBe(513);
  });

  it('1,000 Vias -> 513, in one line or many', () => {
    const via = 'SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1';
    expect(parseError(variant('Max-Forwards: 70', `Via: ${Array(1000).fill('h;branch=z9hG4bKx').join(',')}`)).status).toBe(513);
    expect(parseError(variant('Max-Forwards: 70', Array(71).fill(`Via: ${via}`).join('\r\n'))).status).toBe(513);
  });

  it('more than 100 headers -> 513', () => {
    expect(parseError(variant('Max-Forwards: 70', Array(100).fill('X-A: 1').join('\r\n'))).status).toBe(513);
  });

  it.each([
    ['missing Via', (m: string) => m.replace(/Via: [^\r]*\r\n/, '')],
    ['two From', (m: string) => m.replace('Max-Forwards: 70', 'From: <sip:x@y>')],
    ['CSeq method differs', (m: string) => m.replace('1 MESSAGE', '1 INVITE')],
    ['bad CSeq', (m: string) => m.replace('1 MESSAGE', 'x MESSAGE')],
    ['Max-Forwards 300', (m: string) => m.replace('Max-Forwards: 70', 'Max-Forwards: 300')],
    ['bare LF', (m: string) => m.replace('Max-Forwards: 70\r\n', 'Max-Forwards: 70\n')],
    ['NUL in a header', (m: string) => m.replace('Max-Forwards: 70', 'X-A: a\u0000b')],
    ['no colon', (m: string) => m.replace('Max-Forwards: 70', 'Max-Forwards 70')],
    ['no empty line', (m: string) => m.slice(0, m.indexOf('\r\n\r\n'))],
    ['bad start line', (m: string) => m.replace('MESSAGE sip:', 'MESSAGE  sip:')],
    ['status 99', () => REGISTER_OK.replace('200 OK', '099 OK')],
  ])('%s -> 400', (_label, mutate) => {
    expect(parseError(mutate(MESSAGE_REQUEST)).status).toBe(400);
  });

  it('SIP/3.0 -> 505; a message over 64 KiB -> 513; invalid UTF-8 -> 400', () => {
    expect(parseError(MESSAGE_REQUEST.replace(' SIP/2.0', ' SIP/3.0')).status).toBe(505);
    expect(parseError(new Uint8Array(64 * 1024 + 1)).status).toBe(513);
    const bad = new TextEncoder().encode(MESSAGE_REQUEST);
    bad[MESSAGE_REQUEST.indexOf('Waken')] = 0xc3;
    bad[MESSAGE_REQUEST.indexOf('Waken') + 1] = 0x28;
    expect(parseError(bad).status).toBe(400);
  });
});

describe('parseSipMessage: reason phrases', () => {
  it('keeps any UTF-8 reason text, line separators included (found by the fuzz spec)', () => {
    const msg = parseSipMessage(REGISTER_OK.replace('200 OK', '200 O\u2028K  '));
    expect(msg.kind === 'response' && msg.reason).toBe('O\u2028K  ');
  });
});
