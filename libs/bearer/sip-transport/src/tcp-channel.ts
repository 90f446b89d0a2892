import { connect, createServer, type Server, type Socket } from 'node:net';
import type { SipLimits } from '@waken/bearer-sip';
import { TcpConnection } from './tcp-connection';
import type { SipInbound } from './sip-peer';
import { SipTransportError } from './sip-transport-error';

/**
 * The TCP listener plus a pool of flows keyed by remote address, used both ways:
 * requests to a peer reuse an open flow to it, responses go back on the request's flow.
 */
export class TcpChannel {
  private readonly pool = new Map<string, TcpConnection>();
  private readonly pending = new Map<string, Promise<TcpConnection>>();
  private closed = false;

  private constructor(
    private readonly server: Server,
    private readonly host: string,
    private readonly limits: SipLimits,
    private readonly onInbound: SipInbound,
    private readonly idleMs: number,
  ) {
    server.on('connection', (socket) => this.adopt(socket));
    server.on('error', () => undefined);
  }

  static listen(host: string, port: number, limits: SipLimits, onInbound: SipInbound, idleMs: number): Promise<TcpChannel> {
    const server = createServer();
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host, port, exclusive: true }, () => {
        server.off('error', reject);
        resolve(new TcpChannel(server, host, limits, onInbound, idleMs));
      });
    });
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  /** An open flow to host:port, connecting from our own address if none exists. */
  connectionTo(host: string, port: number): Promise<TcpConnection> {
    const key = `${host}:${port}`;
    const open = this.pool.get(key);
    if (open?.isOpen) return Promise.resolve(open);
    const inProgress = this.pending.get(key);
    if (inProgress) return inProgress;
    const attempt = this.connect(host, port).finally(() => this.pending.delete(key));
    this.pending.set(key, attempt);
    return attempt;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const conn of [...this.pool.values()]) conn.close();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private connect(host: string, port: number): Promise<TcpConnection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port, localAddress: this.host });
      const fail = (e: Error) => reject(new SipTransportError('connect', `TCP connect to ${host}:${port}: ${e.message}`));
      socket.once('error', fail);
      socket.once('connect', () => {
        socket.off('error', fail);
        if (!this.closed) return resolve(this.adopt(socket, `${host}:${port}`));
        socket.destroy(); // the endpoint closed while we were connecting
        reject(new SipTransportError('closed', 'endpoint closed'));
      });
    });
  }

  private adopt(socket: Socket, key?: string): TcpConnection {
    if (this.closed) socket.destroy();
    const conn = new TcpConnection(socket, this.limits, this.onInbound, this.idleMs, (c) => {
      if (this.pool.get(key ?? c.key) === c) this.pool.delete(key ?? c.key);
    });
    this.pool.set(key ?? conn.key, conn);
    return conn;
  }
}
