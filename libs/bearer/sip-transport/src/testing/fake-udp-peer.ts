import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { buildResponse, parseSipMessage, serializeSipMessage, type SipMessage, type SipRequest } from '@waken/bearer-sip';

export interface Received {
  readonly message: SipMessage;
  readonly from: RemoteInfo;
}

/** A scripted UDP peer for the loopback specs: records what it gets, answers when told. */
export class FakeUdpPeer {
  readonly received: Received[] = [];
  readonly raw: Buffer[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('message', (bytes, from) => {
      this.raw.push(bytes);
      try {
        this.received.push({ message: parseSipMessage(bytes), from });
      } catch {
        // kept in `raw` only
      }
    });
  }

  static async open(host = '127.0.0.1'): Promise<FakeUdpPeer> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, host, resolve));
    return new FakeUdpPeer(socket);
  }

  get port(): number {
    return this.socket.address().port;
  }

  requests(): SipRequest[] {
    return this.received.flatMap((r) => (r.message.kind === 'request' ? [r.message] : []));
  }

  send(bytes: Uint8Array | string, port: number, host = '127.0.0.1'): void {
    this.socket.send(bytes, port, host);
  }

  /** Answers the i-th received request to where it came from. */
  reply(index: number, status: number, reason = 'OK'): void {
    const { message, from } = this.received[index];
    if (message.kind !== 'request') throw new Error('not a request');
    this.send(serializeSipMessage(buildResponse(message, status, reason, { toTag: 'fake' })), from.port, from.address);
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }
}
