import { buildRequest, newBranch, type SipHeaderInput } from '@waken/bearer-sip';
import { BindingTable } from './binding-table';
import { ProxyIdentity } from './proxy-identity';
import { ProxyRequestRouter } from './proxy-request-router';
import { newProxyStats } from './proxy-stats';
import { Registrar } from './registrar';
import type { RequestForwarder } from './request-forwarder';
import { TargetResolver } from './target-resolver';
import { AOR, command, deviceUpdate, fakeIncoming } from './testing/sip-requests.fixture';

function setup() {
  const identity = new ProxyIdentity('example.com', '127.0.0.1', 15060);
  const table = new BindingTable({ maxBindings: 100, maxContactsPerAor: 10, maxTempGruusPerBinding: 4 });
  table.apply(command({ contacts: [deviceUpdate(2), deviceUpdate(3)] }));
  const registrar = new Registrar(table, identity, { defaultExpires: 3600, minExpires: 10, maxExpires: 7200 });
  const forwarded: string[][] = [];
  const forwarder = { forward: (_incoming: unknown, targets: string[]) => forwarded.push(targets) } as unknown as RequestForwarder;
  const stats = newProxyStats();
  const router = new ProxyRequestRouter(identity, registrar, new TargetResolver(table, identity), forwarder, stats);
  const send = (method: string, requestUri: string, opts: { to?: string; maxForwards?: number; headers?: SipHeaderInput } = {}) => {
    const request = buildRequest({
      method, requestUri, from: '<sip:ppg@example.com>;tag=p1', to: opts.to ?? `<${requestUri}>`, callId: 'c1', cseq: 1,
      via: `SIP/2.0/UDP 127.0.0.9:5070;branch=${newBranch()}`, maxForwards: opts.maxForwards, headers: opts.headers,
    });
    const { incoming, answers } = fakeIncoming(request);
    router.handle(incoming);
    return answers.map((a) => a.status);
  };
  return { send, forwarded, stats };
}

describe('ProxyRequestRouter (the kamailio.cfg request_route)', () => {
  it('forwards an out-of-dialog request to the resolved contacts', () => {
    const { send, forwarded } = setup();
    expect(send('MESSAGE', AOR)).toEqual([]);
    expect(forwarded).toEqual([['sip:alice@127.0.0.2:5062', 'sip:alice@127.0.0.3:5062']]);
  });

  it('answers the OPTIONS keep-alive itself', () => {
    const { send, forwarded } = setup();
    expect(send('OPTIONS', 'sip:127.0.0.1:15060')).toEqual([200]);
    expect(send('OPTIONS', 'sip:ping@127.0.0.1')).toEqual([200]);
    expect(send('OPTIONS', 'sip:example.com')).toEqual([200]);
    expect(forwarded).toEqual([]);
  });

  it('answers REGISTER as the registrar', () => {
    const { send, stats } = setup();
    expect(send('REGISTER', 'sip:example.com', { to: `<${AOR}>` })).toEqual([200]);
    expect(stats.registers).toBe(1);
  });

  it.each([
    ['an in-dialog request', 'NOTIFY', AOR, { to: `<${AOR}>;tag=x` }, 404],
    ['Max-Forwards 0', 'MESSAGE', AOR, { maxForwards: 0 }, 483],
    ['a stray CANCEL', 'CANCEL', AOR, {}, 481],
    ['another domain', 'MESSAGE', 'sip:bob@other.org', {}, 403],
    ['an unknown user', 'MESSAGE', 'sip:bob@example.com', {}, 404],
    ['a Proxy-Require', 'MESSAGE', AOR, { headers: { 'Proxy-Require': 'foo' } }, 420],
  ])('rejects %s', (_what, method, uri, opts, status) => {
    const { send, forwarded, stats } = setup();
    expect(send(method, uri, opts)).toEqual([status]);
    expect(forwarded).toEqual([]);
    expect(stats.rejected).toBe(1);
  });
});
