import { SirComposedV1, SirDocument } from '@waken/contracts';
import { composeSir, sirIdFor } from './sir-composer';
import { SirCompositionError } from './sir-composition.error';
import { deriveClientKey, deriveUserKey } from './sir-keys';
import { hasValidSignature } from './sir-signature';
import { context, GRUU, MASTER, NOW, PPG, PUBLIC_ID, request } from './test-support/sir-fixtures';

function expectFailure(fn: () => unknown, reason: string): void {
  expect(fn).toThrow(SirCompositionError);
  try {
    fn();
  } catch (e) {
    expect((e as SirCompositionError).reason).toBe(reason);
  }
}

describe('composeSir (seed §S5)', () => {
  it('targeted (§S7): public + device identity, header+body placement, signed with the client key', () => {
    const doc = composeSir(request(), context());
    expect(doc).toMatchObject({
      v: 1,
      mode: 'targeted',
      publicUserIdentity: PUBLIC_ID,
      deviceIdentity: { kind: 'gruu', value: GRUU },
      placement: ['header', 'body'],
      applicationId: 'x-wap-application:wml.ua',
      instructions: ['return-capabilities'],
      ppgAddress: PPG,
      issuedAt: NOW.toISOString(),
      keyId: 'client:mobilkom/c-phone#1',
    });
    expect(hasValidSignature(doc, deriveClientKey(MASTER, 'mobilkom', 'c-phone'))).toBe(true);
    expect(hasValidSignature(doc, deriveClientKey(MASTER, 'mobilkom', 'c-laptop'))).toBe(false);
    // The contract's own schema accepts what we produce (producer side of the contract test).
    expect(SirComposedV1.problems({ ...SirComposedV1.example, sir: doc })).toEqual([]);
  });

  it('broadcast-identity (§S8): carries the identity, never steers routing, client key', () => {
    const doc = composeSir(request({ mode: 'broadcast-identity' }), context());
    expect(doc.deviceIdentity).toEqual({ kind: 'gruu', value: GRUU });
    expect(doc.placement).toEqual(['header', 'body']);
    expect(doc.keyId).toBe('client:mobilkom/c-phone#1');
  });

  it('broadcast (§S9): public identity only, signed with the user key all clients hold', () => {
    const doc = composeSir(request({ mode: 'broadcast', targetClientIds: ['c-phone', 'c-laptop'] }), context());
    expect(doc.deviceIdentity).toBeUndefined();
    expect(doc.placement).toEqual([]);
    expect(doc.publicUserIdentity).toBe(PUBLIC_ID);
    expect(doc.keyId).toBe(`user:mobilkom/${PUBLIC_ID}#1`);
    expect(hasValidSignature(doc, deriveUserKey(MASTER, 'mobilkom', PUBLIC_ID))).toBe(true);
  });

  it('single (§S4): identity only when the request has one, body placement', () => {
    const withId = composeSir(request({ mode: 'single' }), context());
    expect(withId.deviceIdentity).toEqual({ kind: 'gruu', value: GRUU });
    expect(withId.placement).toEqual(['body']);
    const withoutId = composeSir(request({ mode: 'single', deviceIdentity: undefined }), context());
    expect(withoutId.deviceIdentity).toBeUndefined();
    expect(withoutId.placement).toEqual([]);
    expect(withoutId).not.toHaveProperty('deviceIdentity');
  });

  it('honours a placement override and drops duplicates', () => {
    const doc = composeSir(request(), context({ placement: ['value', 'value', 'header'] }));
    expect(doc.placement).toEqual(['value', 'header']);
    expectFailure(() => composeSir(request(), context({ placement: [] })), 'invalid');
  });

  it('derives the same sirId for a redelivered request and different ones otherwise', () => {
    const a = composeSir(request(), context());
    const b = composeSir(request(), context({ now: new Date(NOW.getTime() + 1000) }));
    expect(a.sirId).toBe(b.sirId);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.sirId).toBe(sirIdFor({ tenantId: 'mobilkom', sirRequestId: '42@pi.example.com#0/c-phone' }));
    expect(composeSir(request({ sirRequestId: 'other' }), context()).sirId).not.toBe(a.sirId);
    expect(sirIdFor({ tenantId: 'other', sirRequestId: '42@pi.example.com#0/c-phone' })).not.toBe(a.sirId);
  });

  it('expires at the earlier of the push expiry and now + ttl', () => {
    expect(composeSir(request(), context()).expiresAt).toBe('2026-11-26T10:05:00.000Z');
    const soon = composeSir(request({ expiresAt: '2026-11-26T10:01:00Z' }), context());
    expect(soon.expiresAt).toBe('2026-11-26T10:01:00.000Z');
    expectFailure(() => composeSir(request({ expiresAt: '2026-11-26T10:00:00Z' }), context()), 'expired');
  });

  it('refuses what cannot become a SIR', () => {
    expectFailure(() => composeSir(request({ mode: 'connected' }), context()), 'no-sir-needed');
    expectFailure(() => composeSir(request({ deviceIdentity: undefined }), context()), 'missing-identity');
    expectFailure(() => composeSir(request({ mode: 'broadcast-identity', deviceIdentity: undefined }), context()), 'missing-identity');
    expectFailure(() => composeSir(request({ targetClientIds: ['a', 'b'] }), context()), 'bad-target');
    expectFailure(() => composeSir(request(), context({ nonce: () => 'short' })), 'bad-nonce');
    expectFailure(() => composeSir(request(), context({ ppgAddress: '' })), 'invalid');
  });

  it('does not share the request arrays with the document', () => {
    const req = request();
    const doc: SirDocument = composeSir(req, context());
    req.instructions.push('send-registration');
    expect(doc.instructions).toEqual(['return-capabilities']);
  });
});
