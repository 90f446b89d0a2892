import {
  DeliveryHttpRequestedV1,
  DeliverySipRequestedV1,
  DeliverySmsRequestedV1,
  DeliveryUdpRequestedV1,
  type EventDefinition,
} from '@waken/contracts';
import { decodeWapPushOverSms, decodeWspPush } from '@waken/bearer-wsp';
import { decodeSia } from '@waken/sir-domain';
import { deliveryRequestFor, destinationOf, encapsulateFrom, type BearerRequest } from './delivery-request';
import { GRUU, HTTP, MSISDN, NOW, SMS, UDP, composedSir } from './testing/composed-sir.fixture';

const CONTRACT: Record<BearerRequest['bearer'], EventDefinition> = {
  sip: DeliverySipRequestedV1,
  sms: DeliverySmsRequestedV1,
  udp: DeliveryUdpRequestedV1,
  http: DeliveryHttpRequestedV1,
};

describe('deliveryRequestFor (seed §S6, fallback chain of seed §S2)', () => {
  const composed = composedSir({ fallbacks: [SMS, UDP, HTTP] });

  it('builds a contract-valid request for every step, each carrying the methods after it', () => {
    const requests = [0, 1, 2, 3].map((step) => deliveryRequestFor(composed, step, {}, NOW));
    expect(requests.map((r) => r.bearer)).toEqual(['sip', 'sms', 'udp', 'http']);
    for (const [step, request] of requests.entries()) {
      expect(CONTRACT[request.bearer].problems(request.payload)).toEqual([]);
      expect(request.payload).toMatchObject({ sirId: composed.sir.sirId, kind: 'sir', expiresAt: composed.sir.expiresAt, targetClientIds: ['c-phone'] });
      expect(request.payload.fallbacks).toEqual([SMS, UDP, HTTP].slice(step));
    }
    expect(requests.map(destinationOf)).toEqual([GRUU, MSISDN, '192.0.2.7:2948', HTTP.address]);
  });

  it('carries the accept instant of the push to the delivery request', () => {
    const withAccept = { ...composed, acceptedAt: '2026-11-26T09:59:59.123Z' };
    expect(deliveryRequestFor(withAccept, 0, {}, NOW).payload.acceptedAt).toBe('2026-11-26T09:59:59.123Z');
    expect(deliveryRequestFor(composed, 0, {}, NOW).payload.acceptedAt).toBeUndefined();
  });

  it('puts the same SIR on every bearer', () => {
    const sms = deliveryRequestFor(composed, 1, {}, NOW);
    const udp = deliveryRequestFor(composed, 2, {}, NOW);
    if (sms.bearer !== 'sms' || udp.bearer !== 'udp') throw new Error('wrong bearers');
    expect(sms.payload.dataCoding).toBe(4);
    const viaSms = decodeWapPushOverSms(sms.payload.segments.map((s) => Buffer.from(s, 'base64'))).wsp;
    const viaUdp = decodeWspPush(Buffer.from(udp.payload.datagramBase64, 'base64'));
    expect(viaSms).toEqual(viaUdp);
    expect(decodeSia(viaUdp.body).sir).toEqual(composed.sir);
  });

  it('is deterministic: a redelivered SIR gives identical requests', () => {
    expect(deliveryRequestFor(composed, 1, {}, NOW)).toEqual(deliveryRequestFor(composed, 1, {}, NOW));
  });

  it('never encapsulates an expired SIR', () => {
    const later = new Date(Date.parse(composed.sir.expiresAt));
    expect(() => deliveryRequestFor(composed, 0, {}, later)).toThrow(expect.objectContaining({ reason: 'expired' }));
  });

  it('uses the port of a host:port UDP address, 2948 otherwise, and IPv6 in brackets', () => {
    const udp = (address: string) => deliveryRequestFor(composedSir({ activation: { bearer: 'udp', address } }), 0, {}, NOW);
    expect(udp('10.1.2.3:9999').payload).toMatchObject({ host: '10.1.2.3', port: 9999 });
    expect(destinationOf(udp('[2001:db8::1]'))).toBe('[2001:db8::1]:2948');
    for (const bad of ['10.1.2.3:0', '10.1.2.3:70000', 'a b', '999.1.1.1', '[not-v6]:1']) expect(() => udp(bad)).toThrow(expect.objectContaining({ reason: 'bad-address' }));
  });

  it('refuses an SMS address that is not E.164 and a step out of range', () => {
    expect(() => deliveryRequestFor(composedSir({ activation: { bearer: 'sms', address: '0664 123' } }), 0, {}, NOW)).toThrow(expect.objectContaining({ reason: 'bad-address' }));
    expect(() => deliveryRequestFor(composed, 4, {}, NOW)).toThrow(RangeError);
  });

  it('encapsulateFrom skips methods the bearer cannot route and stops at expiry', () => {
    const chain = composedSir({ activation: { bearer: 'sms', address: 'not-a-number' }, fallbacks: [{ bearer: 'udp', address: 'bad host' }, UDP] });
    const attempt = encapsulateFrom(chain, 0, {}, NOW);
    expect(attempt.step).toBe(2);
    expect(attempt.request?.bearer).toBe('udp');
    expect(attempt.refused.map((r) => [r.step, r.error.reason])).toEqual([[0, 'bad-address'], [1, 'bad-address']]);
    const expired = encapsulateFrom(composed, 1, {}, new Date(composed.sir.expiresAt));
    expect(expired.request).toBeUndefined();
    expect(expired.refused.map((r) => r.error.reason)).toEqual(['expired']);
  });
});
