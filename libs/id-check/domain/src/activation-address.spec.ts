import { isDeviceRoutable, isGruuAddress, isSipAor, publicAorOf } from './activation-address';

describe('activation addresses (seed S7: routable to one device)', () => {
  it.each([
    ['sip:+43-8323546@mobilkom.at;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6', true],
    ['sips:tgruu.7hs==jd7vnzga5w7fajsc7@example.com;GR', true],
    ['sip:alice@example.com;transport=tcp;gr', true],
    ['sip:alice@example.com', false],
    ['sip:alice;gr=x@example.com', false],
    ['sip:alice@example.com?X-Gr=1', false],
    ['tel:+438323546;gr=1', false],
  ])('%s is a GRUU: %s', (address, expected) => {
    expect(isGruuAddress(address)).toBe(expected);
  });

  it('counts SMS, UDP and HTTP addresses and SIP GRUUs as routable, a SIP AOR as not', () => {
    expect(isDeviceRoutable({ bearer: 'sms', address: '+436641234567' })).toBe(true);
    expect(isDeviceRoutable({ bearer: 'udp', address: '192.0.2.1:2948' })).toBe(true);
    expect(isDeviceRoutable({ bearer: 'http', address: 'https://d.example.com/' })).toBe(true);
    expect(isDeviceRoutable({ bearer: 'sip', address: 'sip:a@b.com;gr' })).toBe(true);
    expect(isDeviceRoutable({ bearer: 'sip', address: 'sip:a@b.com' })).toBe(false);
    expect(isSipAor({ bearer: 'sip', address: 'sip:a@b.com' })).toBe(true);
    expect(isSipAor({ bearer: 'sms', address: '+436641234567' })).toBe(false);
  });

  it('takes the public identity as the AOR only when it is a SIP URI that is not a GRUU', () => {
    expect(publicAorOf('sip:+43-8323546@mobilkom.at')).toEqual({ bearer: 'sip', address: 'sip:+43-8323546@mobilkom.at' });
    expect(publicAorOf('tel:+438323546')).toBeUndefined();
    expect(publicAorOf('sip:a@b.com;gr=x')).toBeUndefined();
    expect(publicAorOf('sip:a b@c.com')).toBeUndefined();
  });
});
