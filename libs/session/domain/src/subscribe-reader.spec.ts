import fc from 'fast-check';
import { SipParseError, parseSipMessage, type SipRequest } from '@waken/bearer-sip';
import { readSubscribe } from './subscribe-reader';
import { SubscribeRefusal } from './subscribe-refusal';

const BASE: Record<string, string> = {
  Via: 'SIP/2.0/UDP 127.0.0.1:15060;branch=z9hG4bK-1',
  From: '<sip:+43-8323546@example.com;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>;tag=abc',
  To: '<sip:ppg@example.com>',
  'Call-ID': 'call-1@127.0.0.2',
  CSeq: '1 SUBSCRIBE',
  'Max-Forwards': '69',
  Event: 'waken-push',
  Expires: '600',
  Contact: '<sip:dev-2@127.0.0.2:5062>',
  'X-Waken-Client': 'mobilkom c-phone',
  'X-Waken-Sir': 'sir-0b6a2f1c',
  'X-Waken-Auth': '1764150000;dGhlLWhtYWMtdGhlLWhtYWMtdGhlLWhtYWMtdGhlLWht',
};

function subscribe(headers: Record<string, string | undefined> = {}, body = '', type = 'application/vnd.waken.client-info+json'): SipRequest {
  const all = { ...BASE, ...headers, ...(body ? { 'Content-Type': type } : {}) };
  const lines = Object.entries(all).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`);
  const text = `SUBSCRIBE sip:ppg@127.0.0.1:5070 SIP/2.0\r\n${lines.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  return parseSipMessage(new TextEncoder().encode(text)) as SipRequest;
}

const refusal = (request: SipRequest) => {
  try {
    readSubscribe(request);
    return 'accepted';
  } catch (e) {
    if (!(e instanceof SubscribeRefusal)) throw e;
    return e.status;
  }
};

describe('readSubscribe (docs/push-session.md, "Opening a session")', () => {
  it('reads an initial SUBSCRIBE: client, SIR, auth, contact and the public identity from From', () => {
    expect(readSubscribe(subscribe())).toEqual({
      callId: 'call-1@127.0.0.2', cseq: 1, from: BASE.From, to: BASE.To, fromTag: 'abc', expiresS: 600,
      contact: 'sip:dev-2@127.0.0.2:5062', publicUserIdentity: 'sip:+43-8323546@example.com',
      client: { tenantId: 'mobilkom', clientId: 'c-phone' }, sirId: 'sir-0b6a2f1c', auth: BASE['X-Waken-Auth'],
    });
  });

  it('reads an in-dialog end (To tag, Expires: 0) without the initial-only headers', () => {
    const r = readSubscribe(subscribe({ To: '<sip:ppg@example.com>;tag=xyz', Expires: '0', 'X-Waken-Client': undefined, Contact: undefined }));
    expect(r).toMatchObject({ toTag: 'xyz', expiresS: 0 });
  });

  it('reads a client-info body (seed §C4) and defaults a missing Expires to 600', () => {
    const r = readSubscribe(subscribe({ Expires: undefined }, '{"capabilities":{"screen":"small"}}'));
    expect(r.info).toEqual({ capabilities: { screen: 'small' } });
    expect(r.expiresS).toBe(600);
  });

  it('answers 489 for another event package or none (RFC 6665 §8.2.1)', () => {
    expect(refusal(subscribe({ Event: 'presence' }))).toBe(489);
    expect(refusal(subscribe({ Event: undefined }))).toBe(489);
    expect(refusal(subscribe({ Event: 'waken-push;id=1' }))).toBe('accepted');
  });

  it('answers 400 for malformed headers or body', () => {
    for (const bad of [
      { 'X-Waken-Client': undefined }, { 'X-Waken-Client': 'mobilkom' }, { 'X-Waken-Client': 'a b c' },
      { Contact: undefined }, { Contact: '*' }, { Contact: '<mailto:x@y>' }, { Expires: '3601' }, { Expires: '-1' },
      { Expires: 'soon' }, { From: '<sip:a@example.com>' }, { From: '<tel:+4312345>;tag=1' }, { 'X-Waken-Sir': 'has space' },
    ]) {
      expect([bad, refusal(subscribe(bad))]).toEqual([bad, 400]);
    }
    expect(refusal(subscribe({}, '{"trusted":true}'))).toBe(400);
    expect(refusal(subscribe({}, '{}', 'application/json'))).toBe(400);
    expect(refusal(subscribe({}, 'not json'))).toBe(400);
  });

  it('fuzz: any header value gives a request or a SubscribeRefusal, never another error', () => {
    const names = fc.constantFrom('From', 'To', 'Call-ID', 'CSeq', 'Event', 'Expires', 'Contact', 'X-Waken-Client', 'X-Waken-Sir', 'X-Waken-Auth', 'Content-Type');
    const value = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('', ';', '<>', '<sip:@>', '"', 'tag=', '4294967296', '0', '<sip:a@b>;tag'));
    const body = fc.oneof(fc.constant(''), fc.json(), fc.string({ maxLength: 100 }));
    fc.assert(
      fc.property(fc.dictionary(names, value, { maxKeys: 4 }), body, (headers, b) => {
        const safe = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace(/[\r\n\0]/g, ' ')]));
        let request: SipRequest;
        try {
          request = subscribe(safe, b);
        } catch (e) {
          if (e instanceof SipParseError) return;
          throw e;
        }
        refusal(request);
      }),
      { numRuns: 3000 },
    );
  });
});
