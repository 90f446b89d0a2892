import { OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { createSocket, Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';
import { DeliveryUdpRequestedV1 } from '@waken/contracts';
import { backoffMs } from '@waken/platform-messaging';
import { BearerAdapter, TransmissionOutcome, TransmitContext } from '../common/delivery-request';
import { UdpSettings } from './delivery-udp.options';

// errors that no amount of resending cures (the datagram is too big, the address is unusable)
const DEFINITIVE = new Set(['EMSGSIZE', 'ENOTFOUND', 'EADDRNOTAVAIL', 'EINVAL', 'ERR_SOCKET_BAD_PORT']);

/**
 * seed §S6/§S7 over UDP: a connectionless WSP Push PDU as one datagram to the device (port 2948).
 * UDP has no acknowledgement, so the outcome is `sent`, never `delivered`; the datagram is sent
 * `transmissions` times with jittered exponential spacing, never after the TTL. The copies after
 * the first go out in the background: the report does not wait for them, a shutdown cancels them.
 */
export class UdpDeliveryAdapter implements BearerAdapter<DeliveryUdpRequestedV1>, OnModuleInit, OnApplicationShutdown {
  readonly bearer = 'udp' as const;
  private v4?: Socket;
  private v6?: Promise<Socket>;
  private readonly repeats = new Set<NodeJS.Timeout>();

  constructor(private readonly settings: UdpSettings) {}

  /** The IPv4 socket's address, once bound. */
  get local(): { address: string; port: number } | undefined {
    return this.v4?.address();
  }

  /** Copies still to be sent. */
  get pendingRepeats(): number {
    return this.repeats.size;
  }

  async onModuleInit(): Promise<void> {
    this.v4 = await bind('udp4', this.settings.localHost, this.settings.localPort);
  }

  async onApplicationShutdown(): Promise<void> {
    this.repeats.forEach((t) => clearTimeout(t));
    this.repeats.clear();
    const sockets = [this.v4, await this.v6?.catch(() => undefined)];
    this.v4 = this.v6 = undefined;
    await Promise.all(sockets.map((s) => s && new Promise<void>((resolve) => s.close(() => resolve()))));
  }

  destination(request: DeliveryUdpRequestedV1): string {
    return isIPv6(request.host) ? `[${request.host}]:${request.port}` : `${request.host}:${request.port}`;
  }

  async transmit(request: DeliveryUdpRequestedV1, context: TransmitContext): Promise<TransmissionOutcome> {
    const datagram = Buffer.from(request.datagramBase64, 'base64');
    try {
      const onWireAt = await this.send(request, datagram);
      this.scheduleRepeats(request, datagram, context.deadline);
      const n = this.settings.transmissions;
      return { kind: 'sent', detail: `datagram of ${datagram.length} octets, copy 1 of ${n}; UDP has no acknowledgement`, onWireAt };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      return { kind: DEFINITIVE.has(code) ? 'undeliverable' : 'transient', detail: `${code || 'error'}: ${(e as Error).message}` };
    }
  }

  private async send(request: DeliveryUdpRequestedV1, datagram: Buffer): Promise<Date> {
    // IPv6 targets are rare: that socket is opened on first use
    const socket = isIPv6(request.host) ? await (this.v6 ??= bind('udp6', '::', 0)) : this.v4;
    if (!socket) throw Object.assign(new Error('UDP socket not open'), { code: 'ENOTCONN' });
    return new Promise<Date>((resolve, reject) => socket.send(datagram, request.port, request.host, (err) => (err ? reject(err) : resolve(new Date()))));
  }

  private scheduleRepeats(request: DeliveryUdpRequestedV1, datagram: Buffer, deadline: Date): void {
    const policy = { maxAttempts: this.settings.transmissions, initialBackoffMs: this.settings.repeatIntervalMs, maxBackoffMs: this.settings.repeatIntervalMs * 8 };
    let at = Date.now();
    for (let copy = 2; copy <= this.settings.transmissions; copy++) {
      at += backoffMs(policy, copy - 1);
      if (at >= deadline.getTime()) return; // never after the TTL (reliability.md R5)
      const timer = setTimeout(() => {
        this.repeats.delete(timer);
        this.send(request, datagram).catch(() => undefined);
      }, at - Date.now());
      this.repeats.add(timer);
    }
  }
}

function bind(type: 'udp4' | 'udp6', host: string, port: number): Promise<Socket> {
  const socket = createSocket(type);
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      // a send error is reported to its callback; a late socket error must not crash the process
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}
