import { isIP } from 'node:net';
import { EncapsulationError } from './encapsulation.error';

/** WDP port of connectionless WSP push on the terminal (wsp-wdp-sms.md §1). */
export const WAP_PUSH_PORT = 2948;

export interface UdpAddress {
  host: string;
  port: number;
}

const HOSTNAME = /^(?=.{1,64}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** `host`, `host:port`, `[v6]` or `[v6]:port`; the port defaults to 2948. */
export function parseUdpAddress(address: string, defaultPort = WAP_PUSH_PORT): UdpAddress {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:[\]]+))(?::(\d{1,5}))?$/.exec(address);
  const host = m?.[1] ?? m?.[2];
  const port = m?.[3] === undefined ? defaultPort : Number(m[3]);
  const validHost = host !== undefined && (m?.[1] !== undefined ? isIP(host) === 6 : isIP(host) === 4 || (HOSTNAME.test(host) && !/^[\d.]+$/.test(host)));
  if (!validHost || port < 1 || port > 65535) {
    throw new EncapsulationError('bad-address', `not a host[:port]: ${JSON.stringify(address.slice(0, 80))}`);
  }
  return { host: host as string, port };
}
