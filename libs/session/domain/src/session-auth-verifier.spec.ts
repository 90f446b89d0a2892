import { SessionAuthVerifier } from './session-auth-verifier';
import { parseSessionAuth, signSessionAuth } from './session-auth';
import { deriveClientKey } from '@waken/sir-domain';

const master = Buffer.from('0123456789abcdef0123456789abcdef');
const subject = { tenantId: 'mobilkom', clientId: 'c-phone', callId: 'a84b4c76e66710@pc33.example.com' };
const nowMs = 1_764_150_000_000;
const ts = nowMs / 1000;
const token = (over: Partial<typeof subject> = {}, timestampS = ts, key = deriveClientKey(master, subject.tenantId, subject.clientId)) =>
  signSessionAuth(key, { ...subject, ...over, timestampS });

describe('SessionAuthVerifier (X-Waken-Auth)', () => {
  const verifier = () => new SessionAuthVerifier(master);

  it('accepts a token made with the client key derived from the master', () => {
    expect(verifier().verify(subject, token(), nowMs)).toEqual({ ok: true, timestampS: ts });
  });

  it('refuses a bad HMAC: another client key, another Call-ID, another tenant, a flipped character', () => {
    const v = verifier();
    expect(v.verify(subject, token({}, ts, deriveClientKey(master, 'mobilkom', 'c-laptop')), nowMs)).toEqual({ ok: false, reason: 'bad-mac' });
    expect(v.verify(subject, token({ callId: 'other@pc33' }), nowMs)).toEqual({ ok: false, reason: 'bad-mac' });
    expect(v.verify(subject, token({ tenantId: 'other' }), nowMs)).toEqual({ ok: false, reason: 'bad-mac' });
    const good = token();
    const flipped = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
    expect(v.verify(subject, flipped, nowMs)).toEqual({ ok: false, reason: 'bad-mac' });
    expect(v.verify(subject, token({}, ts, deriveClientKey(Buffer.from('another master key, 32 bytes!!!'), 'mobilkom', 'c-phone')), nowMs).ok).toBe(false);
  });

  it('allows 300 s of clock skew either way and refuses 301 s', () => {
    const v = verifier();
    expect(v.verify(subject, token({}, ts - 300), nowMs).ok).toBe(true);
    expect(v.verify(subject, token({}, ts + 300), nowMs).ok).toBe(true);
    expect(v.verify(subject, token({}, ts - 301), nowMs)).toEqual({ ok: false, reason: 'skew' });
    expect(v.verify(subject, token({}, ts + 301), nowMs)).toEqual({ ok: false, reason: 'skew' });
  });

  it('refuses a reused (Call-ID, ts) but not a new ts or a new Call-ID', () => {
    const v = verifier();
    expect(v.consume(subject.callId, ts, nowMs)).toBe(true);
    expect(v.consume(subject.callId, ts, nowMs + 1000)).toBe(false);
    expect(v.consume(subject.callId, ts + 1, nowMs + 1000)).toBe(true);
    expect(v.consume('other-call', ts, nowMs + 1000)).toBe(true);
  });

  it('names a missing or malformed header', () => {
    const v = verifier();
    expect(v.verify(subject, undefined, nowMs)).toEqual({ ok: false, reason: 'missing' });
    expect(v.verify(subject, '  ', nowMs)).toEqual({ ok: false, reason: 'missing' });
    for (const bad of ['1764150000', ';abc', '1764150000;short', 'x;' + 'A'.repeat(43), `${ts};${'A'.repeat(44)}`]) {
      expect(v.verify(subject, bad, nowMs)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('formats the header as "<unix seconds>;<base64url HMAC>" without padding', () => {
    const value = token();
    expect(value).toMatch(/^1764150000;[A-Za-z0-9_-]{43}$/);
    expect(parseSessionAuth(value)?.timestampS).toBe(ts);
  });
});
