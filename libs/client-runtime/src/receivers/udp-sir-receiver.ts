import { createSocket, type Socket } from 'node:dgram';
import type { SirOutcome } from '../device/waken-device-options';

export interface UdpSirReceiverOptions {
  readonly host: string;
  /** WDP port 2948 on a real terminal (wsp-wdp-sms.md §1); 0 picks one. */
  readonly port?: number;
  /** The device reading this socket's datagrams. */
  readonly deliver: (datagram: Uint8Array) => Promise<SirOutcome>;
}

/** seed §C1 over UDP: a connectionless WSP push per datagram, handed to one device. */
export class UdpSirReceiver {
  private constructor(private readonly socket: Socket) {}

  static open(options: UdpSirReceiverOptions): Promise<UdpSirReceiver> {
    const socket = createSocket('udp4');
    socket.on('message', (bytes) => void options.deliver(new Uint8Array(bytes)).catch(() => undefined));
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(options.port ?? 0, options.host, () => {
        socket.off('error', reject);
        socket.on('error', () => undefined); // a send error on a connectionless socket is not ours to act on
        resolve(new UdpSirReceiver(socket));
      });
    });
  }

  get port(): number {
    return this.socket.address().port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
