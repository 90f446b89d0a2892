import { decodeSia, decodeSirJson, extractIdentity, verifySir, ReplayCache, deriveClientKey } from '@waken/sir-domain';
import { DEVICE_VALUE_HEADER, ppgContactPoint, receivedSir, sirPayload, sirPayloadFromComposed } from './sir-payload';
import { EncapsulationError } from './encapsulation.error';
import { GRUU, NOW, composedSir } from './testing/composed-sir.fixture';

describe('sirPayload (claim 2 placement, seed §S5/S6)', () => {
  it('lays a targeted SIR out with the identity in the header field and the body, in JSON and SIA', () => {
    const payload = sirPayloadFromComposed(composedSir());
    expect(payload.identityFields).toEqual({ 'X-Waken-Device-Id': `gruu; ${GRUU}` });
    expect(decodeSirJson(payload.json)).toEqual(payload.sir);
    const sia = decodeSia(payload.sia);
    expect(sia.sir).toEqual(payload.sir);
    expect(sia.contactPoints).toEqual([{ bearerType: 0, port: 9201, address: Uint8Array.of(192, 0, 2, 1) }]);
  });

  it('carries a value-placed identity beside the body, and the receiver restores a verifiable SIR', () => {
    const composed = composedSir();
    const sir = { ...composed.sir, placement: ['value' as const] };
    const payload = sirPayload(sir, [ppgContactPoint(sir.ppgAddress)]);
    expect(decodeSirJson(payload.json).deviceIdentity).toBeUndefined();
    expect(payload.identityFields).toEqual({ [DEVICE_VALUE_HEADER]: `gruu; ${GRUU}` });
    const restored = extractIdentity(receivedSir(payload.identityFields, decodeSirJson(payload.json)));
    expect(restored.foundIn).toEqual(['value']);
    expect(restored.sir).toEqual(sir);
  });

  it('keeps the signature valid through placement and restoration', () => {
    const composed = composedSir();
    const payload = sirPayloadFromComposed(composed);
    const restored = extractIdentity(receivedSir(payload.identityFields, decodeSirJson(payload.json))).sir;
    const verdict = verifySir(restored, {
      key: deriveClientKey(new Uint8Array(32).fill(7), 'mobilkom', 'c-phone'),
      now: NOW,
      maxSkewMs: 1000,
      replayCache: new ReplayCache(10),
      trustedPpgAddresses: ['sip:ppg@127.0.0.1:5070'],
      ownIdentities: [{ kind: 'gruu', value: GRUU }],
    });
    expect(verdict).toEqual({ ok: true });
  });

  it('falls back to the PPG address for contact points when the composed SIA does not decode', () => {
    const payload = sirPayloadFromComposed({ ...composedSir(), siaBase64: 'AQ==' });
    expect(decodeSia(payload.sia).contactPoints).toEqual([{ bearerType: 0, port: 5070, address: Uint8Array.of(127, 0, 0, 1) }]);
    expect(() => ppgContactPoint('sip:ppg@ppg.example.com')).toThrow(EncapsulationError);
  });

  it('refuses an identity with CR/LF (reliability.md (c) #25)', () => {
    const composed = composedSir();
    const sir = { ...composed.sir, deviceIdentity: { kind: 'uri' as const, value: 'sip:a@b\r\nVia: evil' } };
    expect(() => sirPayload(sir, [ppgContactPoint(sir.ppgAddress)])).toThrow(expect.objectContaining({ reason: 'unsafe-text' }));
  });
});
