import { ByteReader, ByteWriter } from '@waken/wire';
import { EncapsulationError } from '../encapsulation.error';

/** 3GPP TS 29.281 §4.4.2: GTP-U listens on UDP 2152. */
export const GTPU_PORT = 2152;
const G_PDU = 0xff;
const FLAGS_V1_GTP = 0x30; // version 1, protocol type GTP, no E/S/PN
const FLAG_E = 0x04;
const OPTIONAL_FLAGS = 0x07;

export interface GtpuGpdu {
  teid: number;
  /** The T-PDU: the IP datagram for the terminal's PDP context. */
  tpdu: Uint8Array;
}

/** A G-PDU (TS 29.281 §5.1): the GGSN/PGW tunnels the terminal's IP datagram to the SGSN/SGW. */
export function gtpuGpdu({ teid, tpdu }: GtpuGpdu): Uint8Array {
  if (!Number.isInteger(teid) || teid < 0 || teid > 0xffffffff) throw new EncapsulationError('bad-address', `TEID out of range: ${teid}`);
  if (tpdu.length > 0xffff) throw new EncapsulationError('too-large', 'T-PDU longer than 65535 octets');
  return new ByteWriter().u8(FLAGS_V1_GTP).u8(G_PDU).u16(tpdu.length).u16(teid >>> 16).u16(teid & 0xffff).bytes(tpdu).toBytes();
}

/** Reads a G-PDU, skipping the optional fields and extension headers; throws only DecodeError. */
export function parseGtpuGpdu(bytes: Uint8Array): GtpuGpdu {
  const r = new ByteReader(bytes);
  const flags = r.u8();
  if (flags >> 5 !== 1 || !(flags & 0x10)) r.fail('not GTPv1-U');
  if (r.u8() !== G_PDU) r.fail('not a G-PDU');
  const length = r.u16();
  const teid = r.u16() * 0x10000 + r.u16();
  const body = r.sub(length); // everything after the TEID (§5.1)
  if (!r.done) r.fail('octets after the G-PDU');
  if (flags & OPTIONAL_FLAGS) {
    body.bytes(3); // sequence number, N-PDU number
    let next = body.u8();
    if (!(flags & FLAG_E) && next !== 0) body.fail('extension header without the E flag');
    while (next !== 0) {
      const units = body.u8(); // length in 4-octet units, including this octet and the next-type octet
      if (units === 0) body.fail('extension header of length 0');
      body.bytes(units * 4 - 2);
      next = body.u8();
    }
  }
  return { teid, tpdu: body.rest().slice() };
}
