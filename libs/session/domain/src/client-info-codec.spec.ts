import { ClientRespondedV1 } from '@waken/contracts';
import { decodeClientInfo, encodeClientInfo } from './client-info-codec';
import { isEmptyClientInfo } from './client-info';
import { SessionBodyError } from './session-body.error';

const enc = (s: string) => new TextEncoder().encode(s);
const problem = (text: string | Uint8Array) => {
  try {
    decodeClientInfo(typeof text === 'string' ? enc(text) : text);
    return 'accepted';
  } catch (e) {
    if (!(e instanceof SessionBodyError)) throw e;
    return e.problem;
  }
};

describe('client-info body (seed §C4)', () => {
  it('decodes the sections of docs/push-session.md into what ClientRespondedV1 accepts', () => {
    const info = decodeClientInfo(enc('{"capabilities":{"screen":"1080x2400"},"preferences":{"lang":"de"},"security":{},"subscription":{"dcd":"on"}}'));
    expect(info).toEqual({ capabilities: { screen: '1080x2400' }, preferences: { lang: 'de' }, security: {}, subscription: { dcd: 'on' } });
    const event = { tenantId: 't', clientId: 'c', publicUserIdentity: 'sip:a@b', respondedAt: '2026-11-26T10:00:00Z', ...info };
    expect(ClientRespondedV1.problems(event)).toEqual([]);
    expect(isEmptyClientInfo(info)).toBe(false);
    expect(isEmptyClientInfo(decodeClientInfo(enc('{"security":{}}')))).toBe(true);
  });

  it('round-trips a rejection', () => {
    expect(decodeClientInfo(encodeClientInfo({ rejection: 'user declined' }))).toEqual({ rejection: 'user declined' });
  });

  it('refuses unknown fields, prototype keys, nesting, non-strings and oversize values (reliability.md #16, #17, #19)', () => {
    expect(problem('{"capabilities":{},"trusted":true}')).toBe('unknown-field');
    expect(problem('{"capabilities":{"__proto__":"x"}}')).toBe('bad-field');
    expect(problem('{"__proto__":{"admin":true}}')).toBe('unknown-field');
    expect(problem('{"capabilities":{"a":{"b":"c"}}}')).toBe('bad-field');
    expect(problem('{"capabilities":{"a":1}}')).toBe('bad-field');
    expect(problem(`{"capabilities":{"a":"${'x'.repeat(513)}"}}`)).toBe('bad-field');
    expect(problem(`{"capabilities":{"${'k'.repeat(65)}":"v"}}`)).toBe('bad-field');
    expect(problem('{"rejection":"\\ud800"}')).toBe('bad-field');
    expect(problem('{"rejection":""}')).toBe('bad-field');
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v']));
    expect(problem(JSON.stringify({ preferences: many }))).toBe('bad-field');
  });

  it('refuses what is not a JSON object of UTF-8 under the size cap', () => {
    expect(problem('[]')).toBe('not-object');
    expect(problem('null')).toBe('not-object');
    expect(problem('{')).toBe('not-json');
    expect(problem(Uint8Array.of(0x7b, 0xff, 0x7d))).toBe('not-utf8');
    expect(problem(`{"rejection":"${'x'.repeat(17 * 1024)}"}`)).toBe('too-large');
    expect(problem('['.repeat(16_000))).toBe('not-json');
  });
});
