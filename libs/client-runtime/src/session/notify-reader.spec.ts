import { buildRequest } from '@waken/bearer-sip';
import { encodePushNotification, PUSH_SESSION } from '@waken/client';
import { readNotify } from './notify-reader';

const notify = (headers: Record<string, string>, body?: Uint8Array, contentType: string = PUSH_SESSION.pushMediaType) =>
  buildRequest({
    method: 'NOTIFY', requestUri: 'sip:phone@127.0.0.2:5062', from: '<sip:ppg@example.com>;tag=p1', to: '<sip:u@example.com>;tag=c1',
    callId: 'call-1', cseq: 1, via: 'SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK9', headers, ...(body && { contentType, body }),
  });

const push = { pushId: '42@pi', recipientIndex: 1, contentType: 'text/plain', body: new TextEncoder().encode('hello') };

describe('readNotify (docs/push-session.md, RFC 6665)', () => {
  it('reads a push NOTIFY with its dialog tags', () => {
    const reading = readNotify(notify({ Event: 'waken-push', 'Subscription-State': 'active;expires=540' }, encodePushNotification(push)));
    expect(reading).toEqual({ ok: true, state: { state: 'active', expires: 540 }, fromTag: 'p1', toTag: 'c1', push });
  });

  it('reads the final NOTIFY without a body', () => {
    expect(readNotify(notify({ Event: 'waken-push', 'Subscription-State': 'terminated;reason=noresource' }))).toMatchObject({
      ok: true, state: { state: 'terminated', reason: 'noresource' },
    });
  });

  it.each([
    [{ Event: 'presence', 'Subscription-State': 'active' }, undefined, 489],
    [{ Event: 'waken-push' }, undefined, 400],
    [{ Event: 'waken-push', 'Subscription-State': 'active' }, new TextEncoder().encode('{"pushId":1}'), 400],
  ])('answers %j with a failure, which leaves the push pending at the PPG', (headers, body, status) => {
    expect(readNotify(notify(headers, body))).toMatchObject({ ok: false, status });
  });

  it('refuses a body of another media type with 415', () => {
    const reading = readNotify(notify({ Event: 'waken-push', 'Subscription-State': 'active' }, new TextEncoder().encode('hi'), 'text/plain'));
    expect(reading).toMatchObject({ ok: false, status: 415 });
  });
});
