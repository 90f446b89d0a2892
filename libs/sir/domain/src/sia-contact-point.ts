import { ByteReader, ByteWriter } from '@waken/wire';
import { SirFormatError } from './sir-format.error';

/** One WSP Address record of SIA ContactPoints (sia-sir.md §2, Wireshark add_addresses). */
export interface SiaContactPoint {
  /** WDP bearer type: 0x00 IPv4, 0x01 IPv6, 0x03 GSM SMS, ... (wsp-wdp-sms.md §6). */
  bearerType?: number;
  port?: number;
  /** Raw address octets: 4 for IPv4, 16 for IPv6, digits for SMS; at most 63. */
  address: Uint8Array;
}

const BEARER_FLAG = 0x80;
const PORT_FLAG = 0x40;
const MAX_ADDRESS = 0x3f;

/** Contact point for a WSP connection-oriented PPG, e.g. `ipv4ContactPoint('192.0.2.1')` (port 9201). */
export function ipv4ContactPoint(dottedQuad: string, port = 9201): SiaContactPoint {
  const parts = dottedQuad.split('.').map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  if (parts.length !== 4 || parts.some((p) => !(p >= 0 && p <= 255))) {
    throw new SirFormatError(`not an IPv4 address: ${dottedQuad}`);
  }
  return { bearerType: 0x00, port, address: Uint8Array.from(parts) };
}

export function writeContactPoint(w: ByteWriter, cp: SiaContactPoint): void {
  if (cp.address.length > MAX_ADDRESS) throw new SirFormatError(`contact point address longer than ${MAX_ADDRESS} octets`);
  const flags = (cp.bearerType !== undefined ? BEARER_FLAG : 0) | (cp.port !== undefined ? PORT_FLAG : 0);
  w.u8(flags | cp.address.length);
  try {
    if (cp.bearerType !== undefined) w.u8(cp.bearerType);
    if (cp.port !== undefined) w.u16(cp.port);
  } catch (e) {
    throw new SirFormatError(`bad contact point: ${(e as Error).message}`);
  }
  w.bytes(cp.address);
}

/** Reads records until `r` is exhausted (the caller gave it exactly ContactPointsLen octets). */
export function readContactPoints(r: ByteReader): SiaContactPoint[] {
  const points: SiaContactPoint[] = [];
  while (!r.done) {
    const flags = r.u8();
    const cp: SiaContactPoint = { address: new Uint8Array(0) };
    if (flags & BEARER_FLAG) cp.bearerType = r.u8();
    if (flags & PORT_FLAG) cp.port = r.u16();
    cp.address = Uint8Array.from(r.bytes(flags & MAX_ADDRESS));
    points.push(cp);
  }
  return points;
}
