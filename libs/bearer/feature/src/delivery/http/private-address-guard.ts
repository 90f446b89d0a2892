import { BlockList, isIP } from 'node:net';

// Non-public ranges (RFC 1918, RFC 6598, RFC 3927, RFC 4193, RFC 4291, RFC 5737, RFC 6890).
const V4 = ['0.0.0.0/8', '10.0.0.0/8', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', '172.16.0.0/12', '192.0.0.0/24', '192.0.2.0/24',
  '192.168.0.0/16', '198.18.0.0/15', '198.51.100.0/24', '203.0.113.0/24', '224.0.0.0/4', '240.0.0.0/4'];
const V6 = ['::/128', '::1/128', '64:ff9b::/96', '100::/64', '2001:db8::/32', 'fc00::/7', 'fe80::/10', 'ff00::/8'];

/**
 * SSRF guard (OWASP API7): may a push go to this IP address? Every address a host name resolves
 * to is checked at connect time, so DNS cannot swap a public answer for a private one later.
 */
export class PrivateAddressGuard {
  private readonly blocked = new BlockList();

  constructor(private readonly allowPrivate: boolean) {
    for (const range of V4) this.add(range, 'ipv4');
    for (const range of V6) this.add(range, 'ipv6');
  }

  /** True when `address` (an IP literal) may not be contacted. */
  refuses(address: string): boolean {
    if (this.allowPrivate) return false;
    const family = isIP(address);
    if (family === 0) return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return this.blocked.check(mapped[1], 'ipv4');
    return this.blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
  }

  private add(range: string, type: 'ipv4' | 'ipv6'): void {
    const [network, prefix] = range.split('/');
    this.blocked.addSubnet(network, Number(prefix), type);
  }
}
