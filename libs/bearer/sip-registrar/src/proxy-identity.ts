import type { SipUri } from '@waken/bearer-sip';

/**
 * Who the proxy is: its SIP domain and its own socket address. Like Kamailio's
 * `uri==myself` (alias + listen address), both name this proxy; with one domain served,
 * the user part alone selects the AOR (usrloc `use_domain=0`).
 */
export class ProxyIdentity {
  constructor(
    readonly domain: string,
    readonly host: string,
    readonly port: number,
  ) {}

  /** `sip:host:port` of this proxy. */
  get uri(): string {
    return `sip:${this.host.includes(':') ? `[${this.host}]` : this.host}:${this.port}`;
  }

  isMyself(uri: SipUri): boolean {
    return uri.host.toLowerCase() === this.domain || this.isOwnAddress(uri);
  }

  /** The proxy's socket (a contact there would make the proxy forward to itself). */
  isOwnAddress(uri: SipUri): boolean {
    const host = uri.host.replace(/^\[|\]$/g, '');
    return host === this.host && (uri.port === undefined || uri.port === this.port);
  }

  /** The AOR a user part names in this domain. */
  aorOf(user: string): string {
    return `sip:${user}@${this.domain}`;
  }
}
