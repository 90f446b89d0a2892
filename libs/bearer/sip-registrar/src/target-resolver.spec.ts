import { BindingTable } from './binding-table';
import { ProxyIdentity } from './proxy-identity';
import { SipRejection } from './sip-rejection';
import { TargetResolver } from './target-resolver';
import { AOR, command, deviceUpdate, instance } from './testing/sip-requests.fixture';

function setup() {
  const table = new BindingTable({ maxBindings: 100, maxContactsPerAor: 10, maxTempGruusPerBinding: 4 });
  const bindings = table.apply(command({ contacts: [1, 2, 3].map((n) => deviceUpdate(n)) }));
  const resolver = new TargetResolver(table, new ProxyIdentity('example.com', '127.0.0.1', 15060));
  return { table, bindings, resolver };
}

function statusOf(run: () => unknown): number {
  try {
    run();
  } catch (e) {
    if (e instanceof SipRejection) return e.status;
    throw e;
  }
  return 200;
}

describe('TargetResolver (RFC 5627 §6.1, kamailio.cfg LOCATION)', () => {
  it('sends a pub-gruu to that instance only', () => {
    const { resolver } = setup();
    expect(resolver.resolve(`${AOR};gr=${instance(2)}`)).toEqual(['sip:alice@127.0.0.2:5062']);
  });

  it('sends a temp-gruu to its binding only', () => {
    const { resolver, bindings } = setup();
    expect(resolver.resolve(`sip:${bindings[2].tempGruus[0]}@example.com;gr`)).toEqual(['sip:alice@127.0.0.3:5062']);
  });

  it('forks a plain AOR to every binding, also when addressed to the proxy address', () => {
    const { resolver } = setup();
    expect(resolver.resolve(AOR)).toEqual(['sip:alice@127.0.0.1:5062', 'sip:alice@127.0.0.2:5062', 'sip:alice@127.0.0.3:5062']);
    expect(resolver.resolve('sip:alice@127.0.0.1:15060')).toHaveLength(3);
  });

  it('gives 480 for a registered-before instance, 404 for an unknown GRUU, AOR or temp-gruu', () => {
    const { resolver, table } = setup();
    table.apply(command({ cseq: 2, contacts: [deviceUpdate(2, 0)] }));
    expect(statusOf(() => resolver.resolve(`${AOR};gr=${instance(2)}`))).toBe(480);
    expect(statusOf(() => resolver.resolve(`${AOR};gr=${instance(9)}`))).toBe(404);
    expect(statusOf(() => resolver.resolve('sip:nobody@example.com'))).toBe(404);
    expect(statusOf(() => resolver.resolve('sip:tgruu.00ff@example.com;gr'))).toBe(404);
  });

  it.each([
    ['sip:alice@other.org', 403],
    ['sip:example.com', 484],
    ['tel:+43123', 416],
    ['sip:al ice@example.com', 400],
  ])('answers %s with %i', (uri, status) => {
    expect(statusOf(() => setup().resolver.resolve(uri))).toBe(status);
  });
});
