import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';
import { getHeader, parseSipMessage, serializeSipMessage, type SipMessage, type SipRequest, type SipResponse } from '@waken/bearer-sip';
import { waitFor } from '@waken/testing';

export interface ReceivedRequest {
  readonly request: SipRequest;
  readonly from: RemoteInfo;
}

/**
 * A UA on a raw UDP socket for the loopback specs: it answers with exactly the response a
 * test builds (its own To-tag, Contact...), or not at all, and sends requests by hand.
 */
export class ScriptedUdpPeer {
  readonly requests: ReceivedRequest[] = [];
  readonly responses: SipResponse[] = [];
  /** the answer to an incoming request; undefined: stay silent */
  answer: (request: SipRequest) => SipResponse | undefined = () => undefined;

  private constructor(private readonly socket: Socket) {
    socket.on('message', (bytes, from) => this.receive(bytes, from));
  }

  static async open(host: string): Promise<ScriptedUdpPeer> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, host, resolve));
    return new ScriptedUdpPeer(socket);
  }

  get host(): string {
    return this.socket.address().address;
  }

  get port(): number {
    return this.socket.address().port;
  }

  send(message: SipMessage | Uint8Array, port: number, host: string): void {
    this.socket.send(message instanceof Uint8Array ? message : serializeSipMessage(message), port, host);
  }

  /** Sends a request and waits for its final response (matched on Call-ID and CSeq). */
  async request(request: SipRequest, port: number, host: string): Promise<SipResponse> {
    const matches = (r: SipResponse) =>
      r.status >= 200 && getHeader(r, 'Call-ID') === getHeader(request, 'Call-ID') && getHeader(r, 'CSeq') === getHeader(request, 'CSeq');
    this.send(request, port, host);
    return waitFor(() => this.responses.find(matches), { timeoutMs: 5000, intervalMs: 5, what: `answer to ${request.method}` });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  private receive(bytes: Buffer, from: RemoteInfo): void {
    let message: SipMessage;
    try {
      message = parseSipMessage(bytes);
    } catch {
      return;
    }
    if (message.kind === 'response') {
      this.responses.push(message);
      return;
    }
    this.requests.push({ request: message, from });
    const answer = this.answer(message);
    if (answer) this.send(answer, from.port, from.address);
  }
}
