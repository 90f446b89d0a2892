import type { SirDocument } from '@waken/contracts';
import { DecodeError } from '@waken/wire';
import { extractIdentity, formatHeaderValue, parseHeaderValue, placeIdentity } from './identity-placement';
import { DEVICE_ID_HEADER, type IdentityPlacement } from './identity-placement.types';
import { composeSir } from './sir-composer';
import { SirFormatError } from './sir-format.error';
import { deriveClientKey } from './sir-keys';
import { ReplayCache } from './replay-cache';
import { verifySir } from './sir-verifier';
import { context, GRUU, MASTER, NOW, PPG, PUBLIC_ID, request } from './test-support/sir-fixtures';

const doc = (placement: IdentityPlacement[], mode: SirDocument['mode'] = 'targeted'): SirDocument =>
  composeSir(request({ mode }), context({ placement }));

describe('placeIdentity / extractIdentity (claim 2, seed Tables 1 and 2)', () => {
  it('header: X-Waken-Device-Id plus the GRUU instance for the client address (Table 1)', () => {
    const placed = placeIdentity(doc(['header']));
    expect(placed.headers).toEqual({ [DEVICE_ID_HEADER]: `gruu; ${GRUU}` });
    expect(placed.requestUriParams).toEqual({ gr: 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' });
    expect(placed.valueField).toBeUndefined();
    expect(placed.body.deviceIdentity).toBeUndefined();
  });

  it('header in a broadcast (§S8) does not touch the request URI, so the SIR still reaches all clients', () => {
    const placed = placeIdentity(doc(['header'], 'broadcast-identity'));
    expect(placed.headers[DEVICE_ID_HEADER]).toBe(`gruu; ${GRUU}`);
    expect(placed.requestUriParams).toBeUndefined();
  });

  it('value: a dedicated identity field beside the body', () => {
    const placed = placeIdentity(doc(['value']));
    expect(placed.valueField).toEqual({ kind: 'gruu', value: GRUU });
    expect(placed.headers).toEqual({});
    expect(placed.body.deviceIdentity).toBeUndefined();
  });

  it('body: the identity stays inside the signed document (Table 2)', () => {
    const original = doc(['body']);
    const placed = placeIdentity(original);
    expect(placed.body).toEqual(original);
    expect(placed.headers).toEqual({});
  });

  it.each<[IdentityPlacement[]]>([[['header']], [['value']], [['body']], [['header', 'value', 'body']]])(
    'round-trips %j: identity restored, signature still verifies',
    (placement) => {
      const original = doc(placement);
      const placed = placeIdentity(original);
      const requestUri = placed.requestUriParams ? `${PUBLIC_ID};gr=${placed.requestUriParams.gr}` : undefined;
      const received = extractIdentity({ headers: placed.headers, requestUri, valueField: placed.valueField, body: placed.body });
      expect(received.identity).toEqual(original.deviceIdentity);
      expect(received.foundIn.sort()).toEqual([...placement].sort());
      expect(received.sir).toEqual(original);
      const verdict = verifySir(received.sir, {
        key: deriveClientKey(MASTER, 'mobilkom', 'c-phone'),
        now: NOW,
        maxSkewMs: 0,
        replayCache: new ReplayCache(),
        trustedPpgAddresses: [PPG],
        ownIdentities: [{ kind: 'gruu', value: GRUU }],
      });
      expect(verdict).toEqual({ ok: true });
    },
  );

  it('reads the header case-insensitively and the identity from a GRUU request URI alone', () => {
    const bare = placeIdentity(doc(['header'])).body;
    expect(extractIdentity({ headers: { 'x-waken-device-id': `gruu; ${GRUU}` }, body: bare }).identity).toEqual({ kind: 'gruu', value: GRUU });
    expect(extractIdentity({ headers: {}, requestUri: GRUU, body: bare }).identity).toEqual({ kind: 'gruu', value: GRUU });
    expect(extractIdentity({ headers: {}, requestUri: PUBLIC_ID, body: bare })).toEqual({ foundIn: [], sir: bare });
  });

  it('rejects copies that name different devices', () => {
    const placed = placeIdentity(doc(['header', 'body']));
    const headers = { [DEVICE_ID_HEADER]: 'uuid; urn:uuid:00000000-0000-0000-0000-000000000000' };
    expect(() => extractIdentity({ headers, body: placed.body })).toThrow(DecodeError);
    expect(() =>
      extractIdentity({ headers: { [DEVICE_ID_HEADER]: `gruu; ${GRUU}`, 'x-waken-device-id': `gruu; ${GRUU}` }, body: placed.body }),
    ).toThrow(/more than once/);
  });

  it('never emits or accepts CR/LF (header injection, reliability.md (c) #25)', () => {
    const evil = { ...doc(['header']), deviceIdentity: { kind: 'uri' as const, value: 'x\r\nVia: evil' } };
    expect(() => placeIdentity(evil)).toThrow(SirFormatError);
    expect(() => formatHeaderValue({ kind: 'uri', value: 'a\nb' })).toThrow(SirFormatError);
    expect(() => parseHeaderValue('uri; a\r\nb')).toThrow(DecodeError);
    const body = placeIdentity(doc(['value'])).body;
    expect(() => extractIdentity({ headers: {}, valueField: { kind: 'uri', value: 'a\rb' }, body })).toThrow(DecodeError);
    expect(() => extractIdentity({ headers: {}, requestUri: `${GRUU}\r\n`, body })).toThrow(DecodeError);
  });

  it('parses and refuses header values', () => {
    expect(parseHeaderValue('IMEI;35209900-176148-1')).toEqual({ kind: 'imei', value: '35209900-176148-1' });
    for (const bad of ['gruu', 'phone; 123', 'uuid; ', '; x']) expect(() => parseHeaderValue(bad)).toThrow(DecodeError);
  });

  it('leaves a SIR without identity (§S9) untouched', () => {
    const broadcast = composeSir(request({ mode: 'broadcast' }), context());
    expect(placeIdentity(broadcast)).toEqual({ headers: {}, body: broadcast });
  });
});
