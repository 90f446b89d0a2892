import type { SipLimits } from '@waken/bearer-sip';
import { TcpChannel } from './tcp-channel';
import { UdpChannel } from './udp-channel';
import type { SipInbound, SipPeer, SipTransportName } from './sip-peer';
import type { TcpConnection } from './tcp-connection';
import { SipTransportError } from './sip-transport-error';

export interface SipSocketsOptions {
  readonly host: string;
  readonly port: number;
  readonly transports: readonly SipTransportName[];
  readonly limits: SipLimits;
  readonly tcpIdleMs: number;
}

const BIND_ATTEMPTS = 10;

function isAddressInUse(e: unknown): boolean {
  return (e as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE';
}

/**
 * UDP and TCP on one address and, when both are on, one port number, so that a single
 * Contact `sip:user@host:port` is right for either transport. Port 0 picks an ephemeral
 * port for UDP and retries when TCP cannot take the same number.
 */
export class SipSockets {
  private constructor(
    readonly host: string,
    private readonly udp: UdpChannel | undefined,
    private readonly tcp: TcpChannel | undefined,
  ) {}

  static async open(options: SipSocketsOptions, onInbound: SipInbound, onError: (e: Error) => void): Promise<SipSockets> {
    for (let attempt = 1; ; attempt += 1) {
      const udp = options.transports.includes('udp')
        ? await UdpChannel.bind(options.host, options.port, options.limits, onInbound, onError)
        : undefined;
      try {
        const tcp = options.transports.includes('tcp')
          ? await TcpChannel.listen(options.host, udp?.port ?? options.port, options.limits, onInbound, options.tcpIdleMs)
          : undefined;
        return new SipSockets(options.host, udp, tcp);
      } catch (e) {
        await udp?.close();
        if (!isAddressInUse(e) || options.port !== 0 || attempt >= BIND_ATTEMPTS) throw e;
      }
    }
  }

  get port(): number {
    return this.udp?.port ?? this.tcp?.port ?? 0;
  }

  supports(transport: SipTransportName): boolean {
    return transport === 'udp' ? this.udp !== undefined : this.tcp !== undefined;
  }

  /** Sends; resolves with the instant the bytes were handed to the socket. */
  async send(peer: SipPeer, bytes: Uint8Array, connection?: TcpConnection): Promise<Date> {
    if (peer.transport === 'udp') {
      if (!this.udp) throw new SipTransportError('no-transport', 'UDP is not enabled on this endpoint');
      return this.udp.send(bytes, peer.host, peer.port);
    }
    if (!this.tcp) throw new SipTransportError('no-transport', 'TCP is not enabled on this endpoint');
    const conn = connection?.isOpen ? connection : await this.tcp.connectionTo(peer.host, peer.port);
    return conn.write(bytes);
  }

  async close(): Promise<void> {
    await Promise.all([this.udp?.close(), this.tcp?.close()]);
  }
}
