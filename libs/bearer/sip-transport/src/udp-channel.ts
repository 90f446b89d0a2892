import { createSocket, type Socket } from 'node:dgram';
import type { SipLimits } from '@waken/bearer-sip';
import { decodeInbound, type SipInbound } from './sip-peer';

/** The UDP socket: one datagram is one message (RFC 3261 §18.3). */
export class UdpChannel {
  private constructor(
    private readonly socket: Socket,
    private readonly onSendError: (e: Error) => void,
  ) {}

  static bind(host: string, port: number, limits: SipLimits, onInbound: SipInbound, onSendError: (e: Error) => void): Promise<UdpChannel> {
    const socket = createSocket({ type: host.includes(':') ? 'udp6' : 'udp4' });
    socket.on('message', (bytes, rinfo) => {
      onInbound(decodeInbound(bytes, limits), { transport: 'udp', host: rinfo.address, port: rinfo.port });
    });
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.bind({ address: host, port, exclusive: true }, () => {
        socket.off('error', reject);
        socket.on('error', onSendError);
        resolve(new UdpChannel(socket, onSendError));
      });
    });
  }

  get port(): number {
    return this.socket.address().port;
  }

  /** Returns the instant the datagram was handed to the socket. */
  send(bytes: Uint8Array, host: string, port: number): Date {
    const at = new Date();
    this.socket.send(bytes, port, host, (e) => e && this.onSendError(e));
    return at;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
