import fc from 'fast-check';
import { ProxyIdentity } from './proxy-identity';
import { parseRegisterRequest } from './register-request-parser';
import { SipRejection } from './sip-rejection';
import { AOR, instance, registerRequest } from './testing/sip-requests.fixture';

const identity = new ProxyIdentity('example.com', '127.0.0.1', 15060);
const policy = { defaultExpires: 3600, minExpires: 10, maxExpires: 7200 };
const parse = (opts: Parameters<typeof registerRequest>[0]) => parseRegisterRequest(registerRequest(opts), identity, policy);
const contact = (n: number, extra = '') => `<sip:alice@127.0.0.${n}:5062>;+sip.instance="<${instance(n)}>"${extra}`;

function statusOf(run: () => unknown): number {
  try {
    run();
  } catch (e) {
    if (e instanceof SipRejection) return e.status;
    throw e;
  }
  return 200;
}

describe('parseRegisterRequest (RFC 3261 §10.3, RFC 5626 §4, RFC 5627 §4.1)', () => {
  it('reads instance, reg-id, expiry, feature tags and Supported: gruu', () => {
    const cmd = parse({ contacts: [contact(2, ';reg-id=1;expires=300;+g.oma.pusheventapp="ulp.ua"')], cseq: 7 });
    expect(cmd).toMatchObject({ aor: AOR, callId: 'reg-1', cseq: 7, wantsGruu: true, removeAll: false });
    expect(cmd.contacts).toEqual([
      {
        contact: 'sip:alice@127.0.0.2:5062', instanceId: instance(2), regId: 1, expires: 300,
        params: [
          { name: '+sip.instance', value: `"<${instance(2)}>"` }, { name: 'reg-id', value: '1' },
          { name: '+g.oma.pusheventapp', value: '"ulp.ua"' },
        ],
      },
    ]);
  });

  it('takes the Expires header, then the default; raises short expiries to min and caps long ones', () => {
    expect(parse({ contacts: [contact(2)], headers: { Expires: '120' } }).contacts[0].expires).toBe(120);
    expect(parse({ contacts: [contact(2)] }).contacts[0].expires).toBe(3600);
    expect(parse({ contacts: [contact(2, ';expires=3')] }).contacts[0].expires).toBe(10);
    expect(parse({ contacts: [contact(2, ';expires=99999')] }).contacts[0].expires).toBe(7200);
    expect(parse({ contacts: [contact(2, ';expires=0')], headers: { Expires: '60' } }).contacts[0].expires).toBe(0);
  });

  it('maps an AOR given by the proxy address to the domain (Kamailio use_domain=0)', () => {
    expect(parse({ to: '<sip:ppg@127.0.0.1:15060>', contacts: [contact(2)] }).aor).toBe('sip:ppg@example.com');
  });

  it('accepts Contact: * with Expires: 0 only', () => {
    expect(parse({ contacts: ['*'], headers: { Expires: '0' } }).removeAll).toBe(true);
    expect(statusOf(() => parse({ contacts: ['*'] }))).toBe(400);
    expect(statusOf(() => parse({ contacts: ['*', contact(2)], headers: { Expires: '0' } }))).toBe(400);
  });

  it('reads no GRUU wish without Supported: gruu', () => {
    expect(parse({ contacts: [contact(2)], headers: { Supported: 'outbound' } }).wantsGruu).toBe(false);
  });

  it.each([
    ['another domain', { to: '<sip:alice@other.org>', contacts: [contact(2)] }, 403],
    ['an AOR without user', { to: '<sip:example.com>', contacts: [contact(2)] }, 400],
    ['a contact at the proxy itself', { contacts: ['<sip:x@127.0.0.1:15060>'] }, 403],
    ['a bad instance', { contacts: ['<sip:a@127.0.0.2>;+sip.instance="<nope>"'] }, 400],
    ['a bad reg-id', { contacts: [contact(2, ';reg-id=0')] }, 400],
    ['a bad expires param', { contacts: [contact(2, ';expires=soon')] }, 400],
    ['a bad Expires header', { contacts: [contact(2)], headers: { Expires: '-1' } }, 400],
    ['a tel: contact', { contacts: ['<tel:+4312345>'] }, 400],
  ])('refuses %s', (_what, opts, status) => {
    expect(statusOf(() => parse(opts))).toBe(status);
  });

  it('returns a command or a SipRejection for arbitrary Contact and Expires text (fuzz)', () => {
    const piece = fc.constantFrom('<', '>', ';', '"', '*', 'sip:', 'tel:', '@', '=', 'expires', 'reg-id', '+sip.instance', 'urn:uuid:1', ' ', ',', '0', '99999999999');
    const text = fc.oneof(fc.string({ maxLength: 60 }), fc.array(piece, { maxLength: 12 }).map((p) => p.join('')));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 4 }), fc.option(text), (contacts, expires) => {
        const headers: Record<string, string> = expires === null ? {} : { Expires: expires.replace(/[\r\n]/g, '') };
        const request = registerRequest({ headers: { Supported: 'gruu', ...headers }, contacts });
        expect([200, 400, 403]).toContain(statusOf(() => parseRegisterRequest(request, identity, policy)));
      }),
      { numRuns: 2000 },
    );
  });
});
