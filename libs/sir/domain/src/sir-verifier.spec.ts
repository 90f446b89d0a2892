import type { SirDocument } from '@waken/contracts';
import { composeSir } from './sir-composer';
import { deriveClientKey, deriveUserKey } from './sir-keys';
import { ReplayCache } from './replay-cache';
import { signSir } from './sir-signature';
import { SirVerificationOptions, verifySir } from './sir-verifier';
import { context, GRUU, MASTER, NOW, PPG, PUBLIC_ID, request } from './test-support/sir-fixtures';

const KEY = deriveClientKey(MASTER, 'mobilkom', 'c-phone');

function options(overrides: Partial<SirVerificationOptions> = {}): SirVerificationOptions {
  return {
    key: KEY,
    now: new Date(NOW.getTime() + 1_000),
    maxSkewMs: 30_000,
    replayCache: new ReplayCache(100),
    trustedPpgAddresses: [PPG],
    ownIdentities: [{ kind: 'uuid', value: 'urn:uuid:F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6' }],
    ...overrides,
  };
}

/** Re-sign after a change, as a PPG holding the key would. */
const resigned = (doc: SirDocument, changes: Partial<SirDocument>, key = KEY): SirDocument => {
  const next = { ...doc, ...changes };
  return { ...next, signature: signSir(next, key) };
};

describe('verifySir (seed §C2, reliability.md S4)', () => {
  const doc = composeSir(request(), context());

  it('accepts a valid targeted SIR for this device', () => {
    expect(verifySir(doc, options())).toEqual({ ok: true });
  });

  it('accepts a broadcast SIR (§S9) with the user key and no identity check', () => {
    const broadcast = composeSir(request({ mode: 'broadcast' }), context());
    const userKey = deriveUserKey(MASTER, 'mobilkom', PUBLIC_ID);
    expect(verifySir(broadcast, options({ key: userKey, ownIdentities: [] }))).toEqual({ ok: true });
    expect(verifySir(broadcast, options())).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('rejects every single-bit flip of the signature and any change of a signed field', () => {
    const raw = Buffer.from(doc.signature, 'base64url');
    for (let bit = 0; bit < raw.length * 8; bit++) {
      const flipped = Buffer.from(raw);
      flipped[bit >> 3] ^= 1 << (bit & 7);
      const forged = { ...doc, signature: flipped.toString('base64url') };
      expect(verifySir(forged, options())).toEqual({ ok: false, reason: 'bad-signature' });
    }
    expect(verifySir({ ...doc, ppgAddress: 'sip:evil@203.0.113.9' }, options({ trustedPpgAddresses: ['sip:evil@203.0.113.9'] }))).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
    expect(verifySir({ ...doc, expiresAt: '2031-01-01T00:00:00.000Z' }, options())).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifySir({ ...doc, signature: doc.signature.slice(1) }, options())).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifySir({ ...doc, signature: 'not base64url!' }, options())).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('rejects a SIR signed with another client key', () => {
    const other = resigned(doc, {}, deriveClientKey(MASTER, 'mobilkom', 'c-laptop'));
    expect(verifySir(other, options())).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('rejects expired and not-yet-valid SIRs, with the skew tolerance at both ends', () => {
    const expiry = Date.parse(doc.expiresAt);
    expect(verifySir(doc, options({ now: new Date(expiry + 30_000) })).ok).toBe(true);
    expect(verifySir(doc, options({ now: new Date(expiry + 30_001) }))).toEqual({ ok: false, reason: 'expired' });
    expect(verifySir(doc, options({ now: new Date(NOW.getTime() - 30_000) })).ok).toBe(true);
    expect(verifySir(doc, options({ now: new Date(NOW.getTime() - 30_001) }))).toEqual({ ok: false, reason: 'not-yet-valid' });
  });

  it('rejects a replayed nonce and a redelivered sirId, but only after the SIR proved valid', () => {
    const cache = new ReplayCache(100);
    expect(verifySir(doc, options({ replayCache: cache })).ok).toBe(true);
    expect(verifySir(doc, options({ replayCache: cache }))).toEqual({ ok: false, reason: 'replayed' });
    const redelivered = composeSir(request(), context());
    expect(redelivered.sirId).toBe(doc.sirId);
    expect(verifySir(redelivered, options({ replayCache: cache }))).toEqual({ ok: false, reason: 'replayed' });
    const fresh = new ReplayCache(100);
    verifySir({ ...doc, signature: `${doc.signature.slice(0, -2)}AA` }, options({ replayCache: fresh }));
    expect(fresh.size).toBe(0);
  });

  it('rejects an untrusted PPG', () => {
    expect(verifySir(doc, options({ trustedPpgAddresses: ['sip:ppg@198.51.100.1'] }))).toEqual({ ok: false, reason: 'untrusted-ppg' });
  });

  it('rejects a SIR naming another device, accepts any spelling of this one', () => {
    const laptop = [{ kind: 'uuid' as const, value: 'urn:uuid:00000000-0000-0000-0000-000000000001' }];
    expect(verifySir(doc, options({ ownIdentities: laptop }))).toEqual({ ok: false, reason: 'not-for-me' });
    expect(verifySir(doc, options({ ownIdentities: [{ kind: 'gruu', value: GRUU.toUpperCase().replace('SIP:', 'sip:') }] })).ok).toBe(true);
  });

  it('rejects malformed documents instead of throwing', () => {
    const broken = { ...doc, nonce: 'x' } as SirDocument;
    expect(verifySir(broken, options())).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySir({ ...doc, extra: 1 } as unknown as SirDocument, options())).toEqual({ ok: false, reason: 'malformed' });
    const backwards = resigned(doc, { expiresAt: '2026-11-26T09:00:00.000Z' });
    expect(verifySir(backwards, options())).toEqual({ ok: false, reason: 'malformed' });
  });
});
