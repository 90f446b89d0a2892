import { createSocket, RemoteInfo, Socket } from 'node:dgram';
import { buildResponse, getHeader, getHeaders, parseSipMessage, serializeSipMessage, SipRequest, viaBranch, parseVia } from '@waken/bearer-sip';

/** What the proxy does with a new transaction: answer a status, forge a 200 for another Call-ID first, or stay silent. */
export type ProxyStep = number | 'silent' | { forgeThen: number };

/** A UDP "outbound proxy" on loopback that answers each new transaction from a script. */
export class ScriptedSipProxy {
  readonly requests: Array<{ request: SipRequest; at: number }> = [];
  private readonly branches = new Set<string>();

  private constructor(
    private readonly socket: Socket,
    private readonly script: ProxyStep[],
  ) {
    socket.on('message', (bytes, from) => this.onMessage(bytes, from));
  }

  static async open(script: ProxyStep[]): Promise<ScriptedSipProxy> {
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    return new ScriptedSipProxy(socket, script);
  }

  get port(): number {
    return this.socket.address().port;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.socket.close(() => resolve()));
  }

  private onMessage(bytes: Buffer, from: RemoteInfo): void {
    const message = parseSipMessage(bytes);
    if (message.kind !== 'request') return;
    const branch = viaBranch(parseVia(getHeaders(message, 'Via')[0])) ?? '';
    if (this.branches.has(branch)) return; // a retransmission of a transaction already seen
    this.branches.add(branch);
    this.requests.push({ request: message, at: Date.now() });
    const step = this.script[Math.min(this.requests.length - 1, this.script.length - 1)];
    if (step === 'silent') return;
    const send = (request: SipRequest, status: number) =>
      this.socket.send(serializeSipMessage(buildResponse(request, status, status === 200 ? 'OK' : 'Scripted')), from.port, from.address);
    if (typeof step === 'object') {
      // reliability.md #21: a 200 OK for a transaction that does not exist
      const forged = { ...message, headers: message.headers.map((h) => (h.name === 'Call-ID' ? { ...h, value: 'forged@evil' } : h)) };
      send(forged, 200);
      send(message, step.forgeThen);
      return;
    }
    send(message, step);
  }

  callIds(): string[] {
    return this.requests.map((r) => getHeader(r.request, 'Call-ID') ?? '');
  }
}
