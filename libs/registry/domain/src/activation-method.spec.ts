import fc from 'fast-check';
import { ActivationMethod } from '@waken/contracts';
import { validateActivationMethod } from './activation-method';
import { InvalidAddress } from './invalid-address.error';

const UUID = 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6';

function reasonFor(method: unknown): string {
  try {
    validateActivationMethod(method as ActivationMethod);
  } catch (error) {
    if (error instanceof InvalidAddress) return error.message;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(method)}`);
}

describe('validateActivationMethod (seed S2: activation method)', () => {
  it.each<[ActivationMethod, string]>([
    [{ bearer: 'sip', address: `SIP:+43-8323546@MobilKom.at;gr=urn:uuid:${UUID.toUpperCase()}` }, `sip:+43-8323546@mobilkom.at;gr=urn:uuid:${UUID}`],
    [{ bearer: 'sip', address: 'sip:+43-8323546@MobilKom.at' }, 'sip:+43-8323546@mobilkom.at'],
    [{ bearer: 'sip', address: 'sips:Alice@EXAMPLE.com;transport=TLS' }, 'sips:Alice@example.com;transport=tls'],
    [{ bearer: 'sms', address: '00438323546' }, '+438323546'],
    [{ bearer: 'udp', address: '192.0.2.10:2948' }, '192.0.2.10:2948'],
    [{ bearer: 'udp', address: '[2001:DB8:0:0:0:0:0:1]:2948' }, '[2001:db8::1]:2948'],
    [{ bearer: 'http', address: 'HTTPS://Dev.Example.com/wake?x=1' }, 'https://dev.example.com/wake?x=1'],
    [{ bearer: 'http', address: 'http://[2001:db8::1]:8080' }, 'http://[2001:db8::1]:8080/'],
  ])('%j → %s', (method, address) => {
    expect(validateActivationMethod(method)).toEqual({ bearer: method.bearer, address });
    expect(validateActivationMethod({ bearer: method.bearer, address })).toEqual({ bearer: method.bearer, address });
  });

  it.each<[string, unknown, RegExp]>([
    ['sip: a tel URI', { bearer: 'sip', address: 'tel:+438323546' }, /not a sip/],
    ['sip: headers', { bearer: 'sip', address: 'sip:a@b.com?Subject=x' }, /headers/],
    ['sms: spaces', { bearer: 'sms', address: '+43 832 3546' }, /invalid sms address .*without spaces/],
    ['sms: 16 digits', { bearer: 'sms', address: '+1234567890123456' }, /more than 15/],
    ['udp: a host name', { bearer: 'udp', address: 'phone.example.com:2948' }, /IPv4:port/],
    ['udp: no port', { bearer: 'udp', address: '192.0.2.10' }, /IPv4:port/],
    ['udp: port 0', { bearer: 'udp', address: '192.0.2.10:0' }, /port 0/],
    ['udp: octal-looking IPv4', { bearer: 'udp', address: '010.0.2.10:2948' }, /IPv4/],
    ['udp: bare IPv6', { bearer: 'udp', address: '2001:db8::1:2948' }, /IPv4:port/],
    ['http: ftp', { bearer: 'http', address: 'ftp://example.com/' }, /http:\/\//],
    ['http: missing slashes', { bearer: 'http', address: 'http:example.com' }, /http:\/\//],
    ['http: backslash', { bearer: 'http', address: 'http://example.com\\@evil.com/' }, /http:\/\//],
    ['http: credentials', { bearer: 'http', address: 'https://user:pw@example.com/' }, /credentials/],
    ['http: fragment', { bearer: 'http', address: 'https://example.com/#x' }, /fragment/],
    ['an unknown bearer', { bearer: 'ussd', address: '*100#' }, /unknown bearer/],
    ['no address', { bearer: 'sms' }, /not a string/],
    ['null', null, /unknown bearer/],
  ])('%s is rejected', (_name, method, reason) => {
    expect(reasonFor(method)).toMatch(reason);
  });

  it('throws only InvalidAddress and reaches a fixed point on arbitrary addresses', () => {
    const bearer = fc.constantFrom<ActivationMethod['bearer']>('sip', 'sms', 'udp', 'http');
    const address = fc.oneof(fc.string({ maxLength: 60 }), fc.webUrl(), fc.ipV4().map((ip) => `${ip}:2948`), fc.ipV6().map((ip) => `[${ip}]:9200`));
    fc.assert(
      fc.property(bearer, address, (b, a) => {
        let first: ActivationMethod;
        try {
          first = validateActivationMethod({ bearer: b, address: a });
        } catch (error) {
          expect(error).toBeInstanceOf(InvalidAddress);
          return;
        }
        expect(validateActivationMethod(first)).toEqual(first);
      }),
      { numRuns: 3000 },
    );
  });
});
