import { createSocket, Socket } from 'node:dgram';
import { decodeWspPush } from '@waken/bearer-wsp';
import { decodeSia } from '@waken/sir-domain';

/**
 * The far end of the UDP bearer (seed §S7 over WSP/UDP): every client's activation address points
 * here, so what the bench measures is Waken's work, not a device's. Each datagram is read back to
 * its SIR id (WSP Push → SIA → SIR extension) so copies and missing SIRs can be told apart.
 */
export class UdpSink {
  /** sirId → datagrams received for it. */
  readonly bySir = new Map<string, number>();
  datagrams = 0;
  undecodable = 0;

  private constructor(private readonly socket: Socket, readonly port: number) {}

  static async open(host = '127.0.0.1'): Promise<UdpSink> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(0, host, () => resolve());
    });
    try {
      socket.setRecvBufferSize(16 * 1024 * 1024); // bursts of a Kafka batch arrive at once
    } catch {
      // the kernel cap (net.core.rmem_max) applies; drops would show as missing SIRs
    }
    const sink = new UdpSink(socket, socket.address().port);
    socket.on('message', (msg) => sink.receive(msg));
    return sink;
  }

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get distinctSirs(): number {
    return this.bySir.size;
  }

  /** SIRs received so far and when: two marks give a rate over a window. */
  mark(): { at: number; sirs: number; datagrams: number } {
    return { at: performance.now(), sirs: this.bySir.size, datagrams: this.datagrams };
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.socket.close(() => resolve()));
  }

  private receive(msg: Buffer): void {
    this.datagrams += 1;
    try {
      const sirId = decodeSia(decodeWspPush(msg).body).sir.sirId;
      this.bySir.set(sirId, (this.bySir.get(sirId) ?? 0) + 1);
    } catch {
      this.undecodable += 1;
    }
  }
}
