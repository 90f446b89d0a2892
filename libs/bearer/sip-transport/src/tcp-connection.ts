import type { Socket } from 'node:net';
import { SipParseError, SipStreamFramer, type SipLimits } from '@waken/bearer-sip';
import { decodeInbound, type SipInbound, type SipSource } from './sip-peer';

const PONG = Uint8Array.of(0x0d, 0x0a);

/**
 * One TCP flow, framed by Content-Length. A framing error is passed up (so the request
 * can be answered when its head is known) and then the connection is closed, since the
 * stream cannot be resynchronised (reliability.md #23). Idle flows are closed after
 * `idleMs` (slowloris, reliability.md #6).
 */
export class TcpConnection {
  private readonly framer: SipStreamFramer;
  private closed = false;
  readonly source: SipSource;

  constructor(
    private readonly socket: Socket,
    limits: SipLimits,
    private readonly onInbound: SipInbound,
    idleMs: number,
    private readonly onClose: (conn: TcpConnection) => void,
  ) {
    this.framer = new SipStreamFramer(limits);
    this.source = { transport: 'tcp', host: socket.remoteAddress ?? '', port: socket.remotePort ?? 0, connection: this };
    socket.setNoDelay(true);
    socket.setTimeout(idleMs, () => this.close());
    socket.on('data', (chunk: Buffer) => this.receive(chunk, limits));
    socket.on('error', () => this.close());
    socket.on('close', () => this.close());
  }

  get key(): string {
    return `${this.source.host}:${this.source.port}`;
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  /** Returns the instant the bytes were handed to the socket. */
  write(bytes: Uint8Array): Date {
    const at = new Date();
    if (!this.closed) this.socket.write(bytes);
    return at;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // flush what was written (a 400 for a framing error), then drop the flow
    this.socket.end(() => this.socket.destroy());
    this.onClose(this);
  }

  private receive(chunk: Buffer, limits: SipLimits): void {
    if (this.closed) return;
    try {
      for (const frame of this.framer.push(chunk)) {
        if (frame.kind === 'ping') this.socket.write(PONG); // RFC 5626 §4.4.1
        else this.onInbound(decodeInbound(frame.bytes, limits), this.source);
      }
    } catch (e) {
      const error = e instanceof SipParseError ? e : new SipParseError(String(e), 400);
      this.onInbound(error, this.source);
      this.close();
    }
  }
}
