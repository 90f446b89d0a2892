import { buildRequest, newBranch } from '@waken/bearer-sip';
import { forwardedRequest } from './forwarded-request';

const subscribe = buildRequest({
  method: 'SUBSCRIBE',
  requestUri: 'sip:ppg@example.com',
  from: 'sip:dev-2@example.com;tag=abc',
  to: '<sip:ppg@example.com>',
  callId: 'call-1',
  cseq: 42,
  via: [`SIP/2.0/UDP 127.0.0.2:5062;branch=${newBranch()}`],
  contact: '<sip:dev-2@127.0.0.2:5062>',
  maxForwards: 9,
  headers: [
    { name: 'Route', value: '<sip:127.0.0.1:15060;lr>' },
    { name: 'Event', value: 'waken-push' },
    { name: 'Expires', value: '600' },
    { name: 'X-Waken-Client', value: 'mobilkom c-phone' },
    { name: 'X-Waken-Auth', value: '1764150000;dGhlLWhtYWM' },
    { name: 'Proxy-Require', value: 'foo' },
  ],
  contentType: 'application/vnd.waken.client-info+json',
  body: '{"capabilities":{}}',
});

describe('forwardedRequest (RFC 3261 §16.6)', () => {
  it('retargets to the contact and keeps the dialog-forming and end-to-end headers', () => {
    const spec = forwardedRequest(subscribe, 'sip:ppg@127.0.0.1:5070');
    expect(spec).toMatchObject({
      method: 'SUBSCRIBE',
      requestUri: 'sip:ppg@127.0.0.1:5070',
      from: '<sip:dev-2@example.com>;tag=abc',
      to: '<sip:ppg@example.com>',
      callId: 'call-1',
      cseq: 42,
      contact: '<sip:dev-2@127.0.0.2:5062>',
      contentType: 'application/vnd.waken.client-info+json',
      body: subscribe.body,
    });
    expect(spec.headers).toEqual([
      { name: 'Event', value: 'waken-push' },
      { name: 'Expires', value: '600' },
      { name: 'X-Waken-Client', value: 'mobilkom c-phone' },
      { name: 'X-Waken-Auth', value: '1764150000;dGhlLWhtYWM' },
    ]);
  });
});
