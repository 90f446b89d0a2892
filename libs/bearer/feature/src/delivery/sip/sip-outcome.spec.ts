import { SipBuildError } from '@waken/bearer-sip';
import { SipTimeoutError, SipTransportError } from '@waken/bearer-sip-transport';
import { sipErrorOutcome, sipStatusOutcome } from './sip-outcome';

const at = new Date();

describe('SIP final responses as delivery outcomes', () => {
  it.each([
    [200, 'delivered'],
    [202, 'delivered'],
    [302, 'undeliverable'],
    [403, 'undeliverable'],
    [404, 'undeliverable'],
    [408, 'transient'],
    [480, 'undeliverable'],
    [486, 'undeliverable'],
    [500, 'transient'],
    [503, 'transient'],
    [603, 'undeliverable'],
  ])('%i is %s', (status, kind) => {
    expect(sipStatusOutcome(status, 'Reason', at)).toEqual({ kind, detail: `${status} Reason`, onWireAt: at });
  });

  it('a Timer F timeout is retried, a request we cannot build is not, a transport error counts as 503', () => {
    expect(sipErrorOutcome(new SipTimeoutError('MESSAGE', 'sip:a@b', 32000))).toMatchObject({ kind: 'transient', detail: expect.stringContaining('Timer F') });
    expect(sipErrorOutcome(new SipBuildError('CR in header'))).toMatchObject({ kind: 'undeliverable' });
    expect(sipErrorOutcome(new SipTransportError('connect', 'ECONNREFUSED'))).toMatchObject({ kind: 'transient', detail: expect.stringContaining('503') });
    expect(sipErrorOutcome(new SipTransportError('no-transport', 'tcp not bound'))).toMatchObject({ kind: 'undeliverable' });
    expect(sipErrorOutcome(new Error('odd'))).toMatchObject({ kind: 'transient' });
  });
});
