import { connect } from 'node:net';
import { Duplex } from 'node:stream';
import { SmppLinkError } from './smpp-link-error';

/** Opens the byte stream to the SMSC; injectable so unit tests can use an in-memory pair. */
export type SmppSocketFactory = (host: string, port: number, timeoutMs: number) => Promise<Duplex>;

export const tcpSocketFactory: SmppSocketFactory = (host, port, timeoutMs) =>
  new Promise<Duplex>((resolve, reject) => {
    const socket = connect({ host, port });
    const fail = (why: string) => {
      clearTimeout(timer);
      socket.destroy();
      reject(new SmppLinkError(`connect to ${host}:${port} ${why}`));
    };
    const timer = setTimeout(() => fail(`timed out after ${timeoutMs} ms`), timeoutMs);
    socket.once('error', (e) => fail(`failed: ${e.message}`));
    socket.once('connect', () => {
      clearTimeout(timer);
      // The once('error') above stays until the connection attaches its own listener, so an
      // early error cannot crash the process; after resolve() its reject() is a no-op.
      // SMPP PDUs are small and latency matters more than packing (accept-to-wire metric).
      socket.setNoDelay(true);
      resolve(socket);
    });
  });
