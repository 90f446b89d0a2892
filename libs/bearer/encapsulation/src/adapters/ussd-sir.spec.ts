import { sirPayload, ppgContactPoint } from '../sir-payload';
import { composedSir, INSTANCE } from '../testing/composed-sir.fixture';
import { decodeUssdSir, ussdWakeupFor, USSD_SIR_PREFIX } from './ussd-sir';
import { MAX_USSD_SEPTETS } from './gsm7-ussd';

describe('USSD adapter (seed §S6 step 103)', () => {
  it('refuses a full SIR: the signed document does not fit 182 GSM characters', () => {
    const composed = composedSir();
    const payload = sirPayload(composed.sir, [ppgContactPoint(composed.sir.ppgAddress)]);
    expect(() => ussdWakeupFor(payload)).toThrow(expect.objectContaining({ reason: 'too-large' }));
  });

  it('carries a short SIR as SIA:<base64> and the terminal decodes the same document', () => {
    const { sir } = composedSir({ mode: 'single', deviceIdentity: { kind: 'uuid', value: INSTANCE }, publicUserIdentity: 'sip:u@x', applicationId: undefined, instructions: [] });
    const short = { ...sir, sirId: 's1', ppgAddress: 'sip:p@x', keyId: 'k', nonce: 'n0000000', signature: 'AAAA', placement: [] };
    const payload = sirPayload(short, [{ address: new Uint8Array(0) }]);
    const wakeup = ussdWakeupFor(payload);
    expect(wakeup.text.startsWith(USSD_SIR_PREFIX)).toBe(true);
    expect(wakeup.text.length).toBeLessThanOrEqual(MAX_USSD_SEPTETS);
    expect(wakeup.dataCodingScheme).toBe(0x0f);
    const { deviceIdentity: _, ...withoutIdentity } = short;
    expect(decodeUssdSir(wakeup.packed).sir).toEqual(withoutIdentity);
  });
});
