import { isIP } from 'node:net';
import { ByteWriter } from '@waken/wire';
import { EncapsulationError } from '../encapsulation.error';

export interface UdpEndpoint {
  /** Dotted-quad IPv4 address. */
  address: string;
  port: number;
}

export interface Ipv4UdpPacketSpec {
  source: UdpEndpoint;
  destination: UdpEndpoint;
  payload: Uint8Array;
  /** IPv4 Identification; derive it from the message for a deterministic packet. */
  identification?: number;
  ttl?: number;
}

const IP_HEADER = 20;
const UDP_HEADER = 8;
const PROTOCOL_UDP = 17;

/**
 * One IPv4 datagram with a UDP segment (RFC 791, RFC 768), both checksums filled in: the packet a
 * PPP link (circuit-switched) or a PDP context (packet-switched) carries to the terminal.
 */
export function ipv4UdpPacket(spec: Ipv4UdpPacketSpec): Uint8Array {
  const src = ipv4Octets(spec.source.address);
  const dst = ipv4Octets(spec.destination.address);
  const udpLength = UDP_HEADER + spec.payload.length;
  if (IP_HEADER + udpLength > 0xffff) throw new EncapsulationError('too-large', `${spec.payload.length} octets do not fit one IPv4 datagram`);
  const header = new ByteWriter()
    .u8(0x45) // version 4, IHL 5
    .u8(0)
    .u16(IP_HEADER + udpLength)
    .u16(spec.identification ?? 0)
    .u16(0x4000) // DF: the WSP PDU is one datagram, never fragmented
    .u8(spec.ttl ?? 64)
    .u8(PROTOCOL_UDP)
    .u16(0)
    .bytes(src)
    .bytes(dst)
    .toBytes();
  const ipChecksum = internetChecksum([header]);
  header[10] = ipChecksum >> 8;
  header[11] = ipChecksum & 0xff;
  const udp = new ByteWriter().u16(spec.source.port).u16(spec.destination.port).u16(udpLength).u16(0).bytes(spec.payload).toBytes();
  const pseudo = new ByteWriter().bytes(src).bytes(dst).u8(0).u8(PROTOCOL_UDP).u16(udpLength).toBytes();
  // RFC 768: a computed 0 is sent as all ones; 0 means "no checksum".
  const udpChecksum = internetChecksum([pseudo, udp]) || 0xffff;
  udp[6] = udpChecksum >> 8;
  udp[7] = udpChecksum & 0xff;
  return new ByteWriter().bytes(header).bytes(udp).toBytes();
}

/** RFC 1071: one's complement of the one's complement sum of 16-bit words (chunks concatenated). */
export function internetChecksum(chunks: Uint8Array[]): number {
  let sum = 0;
  let odd: number | undefined;
  for (const chunk of chunks) {
    for (const octet of chunk) {
      if (odd === undefined) odd = octet;
      else {
        sum += (odd << 8) | octet;
        odd = undefined;
      }
    }
  }
  if (odd !== undefined) sum += odd << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
  return ~sum & 0xffff;
}

function ipv4Octets(address: string): Uint8Array {
  if (isIP(address) !== 4) throw new EncapsulationError('bad-address', `not an IPv4 address: ${JSON.stringify(address.slice(0, 40))}`);
  return Uint8Array.from(address.split('.').map(Number));
}
