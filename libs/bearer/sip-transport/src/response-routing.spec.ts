import { buildRequest } from '@waken/bearer-sip';
import { responsePeer } from './response-routing';

const request = (via: string) =>
  buildRequest({ method: 'MESSAGE', requestUri: 'sip:a@b', from: '<sip:p@x>;tag=1', to: '<sip:a@b>', callId: 'c', cseq: 1, via });

describe('responsePeer (RFC 3261 §18.2.2, RFC 3581)', () => {
  const udp = { transport: 'udp' as const, host: '10.0.0.9', port: 40000 };

  it('uses the source address, and the source port only when rport was asked for', () => {
    expect(responsePeer(request('SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bK1'), udp)).toEqual({ ...udp, port: 5070 });
    expect(responsePeer(request('SIP/2.0/UDP 10.0.0.1;branch=z9hG4bK1'), udp)).toEqual({ ...udp, port: 5060 });
    expect(responsePeer(request('SIP/2.0/UDP 10.0.0.1:5070;branch=z9hG4bK1;rport'), udp)).toEqual(udp);
  });

  it('answers TCP on the flow it came from', () => {
    expect(responsePeer(request('SIP/2.0/TCP 10.0.0.1:5070;branch=z9hG4bK1'), { ...udp, transport: 'tcp' })).toEqual({ ...udp, transport: 'tcp' });
  });
});
