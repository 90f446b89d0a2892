import { buildResponse, getHeaders } from '@waken/bearer-sip';
import { readGruuBinding } from '@waken/bearer-sip-transport';
import { BindingTable } from './binding-table';
import { ProxyIdentity } from './proxy-identity';
import { Registrar } from './registrar';
import { AOR, fakeIncoming, instance, registerRequest } from './testing/sip-requests.fixture';

const contact = (n: number, extra = '') => `<sip:alice@127.0.0.${n}:5062>;+sip.instance="<${instance(n)}>";reg-id=1${extra}`;

function setup() {
  const clock = { now: 5_000_000 };
  const table = new BindingTable({ maxBindings: 100, maxContactsPerAor: 2, maxTempGruusPerBinding: 4 }, () => clock.now);
  const identity = new ProxyIdentity('example.com', '127.0.0.1', 15060);
  const registrar = new Registrar(table, identity, { defaultExpires: 3600, minExpires: 10, maxExpires: 7200 }, () => clock.now);
  const register = (opts: Parameters<typeof registerRequest>[0]) => {
    const request = registerRequest(opts);
    const { incoming, answers } = fakeIncoming(request);
    registrar.handle(incoming);
    const [answer] = answers;
    const headers = Array.isArray(answer.headers) ? answer.headers : [];
    return { ...answer, response: buildResponse(request, answer.status, answer.reason, { headers }) };
  };
  return { register, clock };
}

describe('Registrar (RFC 5627 §5.1 GRUUs in the 200 OK)', () => {
  it('answers 200 listing every binding, each with its pub-gruu and temp-gruu', () => {
    const { register } = setup();
    register({ contacts: [contact(2, ';expires=300')] });
    const { status, response } = register({ contacts: [contact(3, ';expires=600')], callId: 'reg-3' });
    expect(status).toBe(200);
    expect(getHeaders(response, 'Contact')).toHaveLength(2);
    const mine = readGruuBinding(response, instance(3), 'sip:alice@127.0.0.3:5062');
    expect(mine).toMatchObject({ expires: 600, pubGruu: `${AOR};gr=${instance(3)}` });
    expect(mine?.tempGruu).toMatch(/^sip:tgruu\.[0-9a-f]{24}@example\.com;gr$/);
    expect(readGruuBinding(response, instance(2), 'sip:alice@127.0.0.2:5062')?.pubGruu).toBe(`${AOR};gr=${instance(2)}`);
  });

  it('counts the remaining expiry down', () => {
    const { register, clock } = setup();
    register({ contacts: [contact(2, ';expires=300')] });
    clock.now += 100_500;
    const { response } = register({ callId: 'query', contacts: [] });
    expect(readGruuBinding(response, instance(2), '')?.expires).toBe(200);
  });

  it('returns no GRUUs without Supported: gruu', () => {
    const { register } = setup();
    const { response } = register({ contacts: [contact(2)], headers: { Supported: 'outbound' } });
    expect(readGruuBinding(response, instance(2), '')).toEqual({ contact: 'sip:alice@127.0.0.2:5062', expires: 3600 });
  });

  it('answers rejections with their status', () => {
    const { register } = setup();
    register({ contacts: [contact(2), contact(3)] });
    expect(register({ contacts: [contact(4)], callId: 'reg-4' }).status).toBe(503);
    expect(register({ to: '<sip:alice@other.org>', contacts: [contact(4)] }).status).toBe(403);
  });
});
