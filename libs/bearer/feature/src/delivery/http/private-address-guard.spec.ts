import { PrivateAddressGuard } from './private-address-guard';

describe('PrivateAddressGuard (SSRF)', () => {
  const guard = new PrivateAddressGuard(false);

  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', 'not-an-ip'])(
    'refuses %s',
    (address) => expect(guard.refuses(address)).toBe(true),
  );

  it.each(['8.8.8.8', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) => expect(guard.refuses(address)).toBe(false));

  it('allows everything when private targets are configured (embedded/test mode)', () => {
    expect(new PrivateAddressGuard(true).refuses('127.0.0.1')).toBe(false);
  });
});
