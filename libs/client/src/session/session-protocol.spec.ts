import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { ClientRespondedV1 } from '@waken/contracts';
import { DecodeError } from '@waken/wire';
import { FUZZ_RUNS, mutationsOf, valueOrTypedError } from '../testing/fuzz-support';
import { clientInfoFor, encodeClientInfo, isEmptyClientInfo, mergeInfoSources } from './client-info';
import { decodePushNotification, encodePushNotification, type PushNotification } from './push-notification';
import { PushDeduper } from './push-deduper';
import { AuthClock, sessionAuthValue } from './session-auth';
import { parseSubscriptionState } from './subscription-state';

describe('push session protocol pieces (docs/push-session.md)', () => {
  describe('X-Waken-Auth', () => {
    it('is "<ts>;<base64url HMAC-SHA256>" over the documented string', () => {
      const key = new Uint8Array(32).fill(3);
      const value = sessionAuthValue(key, { tenantId: 'mobilkom', clientId: 'c-phone', callId: 'abc@h', timestamp: 1764150000 });
      const mac = createHmac('sha256', key).update('waken-session|v1|mobilkom|c-phone|abc@h|1764150000').digest('base64url');
      expect(value).toBe(`1764150000;${mac}`);
      expect(value).not.toMatch(/=/);
    });

    it('never repeats a timestamp for one Call-ID, even within one second', () => {
      const clock = new AuthClock(() => 1_764_150_000_500);
      expect([clock.next(), clock.next(), clock.next()]).toEqual([1764150000, 1764150001, 1764150002]);
    });
  });

  describe('NOTIFY body', () => {
    const push: PushNotification = { pushId: '42@pi', recipientIndex: 0, contentType: 'text/plain', applicationId: 'x-wap-application:wml.ua', body: new TextEncoder().encode('hello') };

    it('decodes the documented example', () => {
      const text = '{"pushId":"42@pi.example.com","recipientIndex":0,"contentType":"text/plain","applicationId":"x-wap-application:wml.ua","bodyBase64":"aGVsbG8="}';
      const decoded = decodePushNotification(new TextEncoder().encode(text));
      expect(decoded).toMatchObject({ pushId: '42@pi.example.com', recipientIndex: 0 });
      expect(Buffer.from(decoded.body).toString()).toBe('hello');
    });

    it('refuses unknown members, a negative index and bad base64 with DecodeError', () => {
      for (const bad of ['{"pushId":"a","recipientIndex":0,"contentType":"t","bodyBase64":"","x":1}', '{"pushId":"a","recipientIndex":-1,"contentType":"t","bodyBase64":""}', '{"pushId":"a","recipientIndex":0,"contentType":"t","bodyBase64":"**"}', '[]', '']) {
        expect(() => decodePushNotification(new TextEncoder().encode(bad))).toThrow(DecodeError);
      }
    });

    it('round-trips and survives fuzzing (reliability.md S3)', () => {
      const arb = fc.record({ pushId: fc.string({ minLength: 1, maxLength: 40 }), recipientIndex: fc.nat({ max: 9999 }), contentType: fc.string({ minLength: 1, maxLength: 40 }), body: fc.uint8Array({ maxLength: 64 }) });
      fc.assert(fc.property(arb, (p) => expect(decodePushNotification(encodePushNotification(p))).toEqual(p)), { numRuns: 500 });
      const bytes = fc.oneof(mutationsOf([encodePushNotification(push)]), fc.uint8Array({ maxLength: 200 }));
      fc.assert(fc.property(bytes, (b) => valueOrTypedError(() => decodePushNotification(b))), { numRuns: FUZZ_RUNS });
    });
  });

  describe('Subscription-State', () => {
    it('reads active, pending and terminated', () => {
      expect(parseSubscriptionState('active;expires=540')).toEqual({ state: 'active', expires: 540 });
      expect(parseSubscriptionState('Pending')).toEqual({ state: 'pending' });
      expect(parseSubscriptionState('terminated;reason=noresource')).toEqual({ state: 'terminated', reason: 'noresource' });
      for (const bad of [undefined, '', 'open', 'active;expires=-1', 'active;expires=99999999999']) {
        expect(() => parseSubscriptionState(bad)).toThrow(DecodeError);
      }
    });

    it('gives a value or DecodeError for any text', () => {
      fc.assert(fc.property(fc.string({ maxLength: 80 }), (t) => valueOrTypedError(() => parseSubscriptionState(t))), { numRuns: FUZZ_RUNS });
    });
  });

  it('hands each pushId+recipientIndex once, within a bounded memory', () => {
    const deduper = new PushDeduper(2);
    expect([deduper.remember('a', 0), deduper.remember('a', 0), deduper.remember('a', 1)]).toEqual([true, false, true]);
    deduper.remember('b', 0);
    expect(deduper.size).toBe(2);
    expect(deduper.has('a', 0)).toBe(false);
    expect(deduper.has('b', 0)).toBe(true);
  });

  describe('client info (seed §C4)', () => {
    const source = { capabilities: { screen: '1080x2400' }, preferences: { lang: 'de' }, security: { tls: 'yes' }, subscription: { plan: 'gold' } };

    it('returns exactly what the instructions ask for', () => {
      expect(clientInfoFor(['return-capabilities', 'return-security'], source)).toEqual({ capabilities: source.capabilities, security: source.security });
      expect(clientInfoFor(['send-capability-push'], source)).toEqual({ capabilities: source.capabilities });
      expect(isEmptyClientInfo(clientInfoFor(['send-registration'], source))).toBe(true);
    });

    it('merges what activated applications add, and encodes within ClientRespondedV1', () => {
      const merged = mergeInfoSources(source, { capabilities: { 'dcd.version': '1.1' } });
      const info = clientInfoFor(['return-capabilities'], merged);
      expect(info.capabilities).toEqual({ screen: '1080x2400', 'dcd.version': '1.1' });
      const json = JSON.parse(Buffer.from(encodeClientInfo(info)).toString());
      expect(ClientRespondedV1.problems({ ...json, tenantId: 't', clientId: 'c', publicUserIdentity: 'sip:u@x', respondedAt: '2026-11-26T10:00:00Z' })).toEqual([]);
      expect(() => encodeClientInfo({ capabilities: { ['k'.repeat(65)]: 'v' } })).toThrow(RangeError);
    });
  });
});
