import { getHeader, parseSipMessage } from '@waken/bearer-sip';
import { decodeSia, decodeSirJson } from '@waken/sir-domain';
import { utf8 } from '@waken/wire';
import { EncapsulationError } from './encapsulation.error';
import { sirPayloadFromComposed } from './sir-payload';
import { sipMessageFor } from './sip-wire-message';
import { DEFAULT_ACCEPT_CONTACT, sipWakeupFor } from './sip-wakeup';
import { AOR, GRUU, INSTANCE, composedSir } from './testing/composed-sir.fixture';

const payloadFor = (overrides: Parameters<typeof composedSir>[0] = {}) => sirPayloadFromComposed(composedSir(overrides));

describe('sipWakeupFor (seed §S6 SIP, §S7, §S8)', () => {
  it('targeted: MESSAGE to the GRUU, identity header, Accept-Contact push.sia, SIR JSON body', () => {
    const payload = payloadFor();
    const wakeup = sipWakeupFor(payload, GRUU);
    expect(wakeup.requestUri).toBe(GRUU);
    expect(wakeup.headers).toEqual({ 'X-Waken-Device-Id': `gruu; ${GRUU}`, 'Accept-Contact': DEFAULT_ACCEPT_CONTACT });
    expect(wakeup.contentType).toBe('application/vnd.waken.sir+json');
    expect(decodeSirJson(wakeup.body)).toEqual(payload.sir);
  });

  it('targeted to the AOR: adds gr=<instance> from the placement (seed Table 1)', () => {
    expect(sipWakeupFor(payloadFor({ activation: { bearer: 'sip', address: AOR } }), AOR).requestUri).toBe(GRUU);
  });

  it('refuses a targeted SIR whose activation GRUU names another instance', () => {
    const other = `${AOR};gr=urn:uuid:00000000-0000-4000-8000-000000000000`;
    expect(() => sipWakeupFor(payloadFor(), other)).toThrow(expect.objectContaining({ reason: 'bad-address' }));
  });

  it('broadcast-identity (seed §S8): to the AOR, never to a GRUU, identity still in the header', () => {
    const payload = payloadFor({ mode: 'broadcast-identity' });
    const wakeup = sipWakeupFor(payload, GRUU);
    expect(wakeup.requestUri).toBe(AOR);
    expect(wakeup.headers['X-Waken-Device-Id']).toBe(`gruu; ${GRUU}`);
  });

  it('single: the address as given, no identity header when the identity is only in the body', () => {
    const payload = payloadFor({ mode: 'single', deviceIdentity: { kind: 'uuid', value: INSTANCE } });
    const wakeup = sipWakeupFor(payload, AOR, { acceptContact: false });
    expect(wakeup).toMatchObject({ requestUri: AOR, headers: {} });
    expect(decodeSirJson(wakeup.body).deviceIdentity).toEqual({ kind: 'uuid', value: INSTANCE });
  });

  it('sends binary SIA when configured, with a custom Accept-Contact', () => {
    const payload = payloadFor();
    const wakeup = sipWakeupFor(payload, GRUU, { body: 'sia', acceptContact: '*;+g.oma.pusheventapp="push.sia";require;explicit' });
    expect(wakeup.contentType).toBe('application/vnd.wap.sia');
    expect(decodeSia(wakeup.body).sir).toEqual(payload.sir);
    expect(wakeup.headers['Accept-Contact']).toContain('require;explicit');
  });

  it('never lets CR/LF through: in the Accept-Contact option or the address', () => {
    const payload = payloadFor();
    expect(() => sipWakeupFor(payload, GRUU, { acceptContact: '*\r\nVia: x' })).toThrow(EncapsulationError);
    expect(() => sipWakeupFor(payload, `${GRUU}\r\nX: y`)).toThrow(EncapsulationError);
    expect(() => sipWakeupFor(payload, 'sip:a@b?Route=%3Csip:evil%3E')).toThrow(EncapsulationError);
    expect(() => sipWakeupFor(payload, 'tel:+438323546')).toThrow(expect.objectContaining({ reason: 'bad-address' }));
  });
});

describe('sipMessageFor (RFC 3428 wire form)', () => {
  it('builds a MESSAGE that the SIP codec parses back, reproducibly', () => {
    const wakeup = sipWakeupFor(payloadFor(), GRUU);
    const options = { ppgUri: 'sip:ppg@127.0.0.1:5070', viaHostPort: '127.0.0.1:5070', messageId: 'sir-x' };
    const bytes = sipMessageFor(wakeup, options);
    expect(utf8(bytes)).toBe(utf8(sipMessageFor(wakeup, options)));
    const msg = parseSipMessage(bytes);
    expect(msg).toMatchObject({ kind: 'request', method: 'MESSAGE', requestUri: GRUU });
    expect(getHeader(msg, 'CSeq')).toBe('1 MESSAGE');
    expect(getHeader(msg, 'X-Waken-Device-Id')).toBe(`gruu; ${GRUU}`);
    expect(utf8(msg.body)).toBe(utf8(wakeup.body));
  });
});
