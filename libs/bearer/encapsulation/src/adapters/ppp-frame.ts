import { ByteWriter, DecodeError } from '@waken/wire';

const FLAG = 0x7e;
const ESCAPE = 0x7d;
const ALL_STATIONS = 0xff;
const UI = 0x03;
const PROTOCOL_IPV4 = 0x0021;
/** RFC 1662 §C.2: the FCS computed over data plus its own FCS. */
const GOOD_FCS = 0xf0b8;
/** Default MRU 1500 (RFC 1661 §6.1) plus header, FCS and worst-case escaping. */
const MAX_FRAME = 2 * (1500 + 6) + 2;

/** RFC 1662 §C.2 FCS-16 (CRC-16/X-25, reflected polynomial 0x8408), before the final complement. */
export function fcs16(bytes: Uint8Array, fcs = 0xffff): number {
  for (const octet of bytes) {
    fcs ^= octet;
    for (let bit = 0; bit < 8; bit++) fcs = fcs & 1 ? (fcs >>> 1) ^ 0x8408 : fcs >>> 1;
  }
  return fcs;
}

/**
 * An IPv4 datagram in PPP with HDLC-like framing (RFC 1661, RFC 1662): flag, FF 03, protocol 0021,
 * datagram, FCS-16 (LSB first), flag; 7E/7D and every control octet in the ACCM are escaped. The
 * default ACCM escapes all of 0x00-0x1F, which is what a link must assume before LCP negotiates.
 */
export function pppFrame(ipDatagram: Uint8Array, accm = 0xffffffff): Uint8Array {
  const content = new ByteWriter().u8(ALL_STATIONS).u8(UI).u16(PROTOCOL_IPV4).bytes(ipDatagram).toBytes();
  const fcs = fcs16(content) ^ 0xffff;
  const out = new ByteWriter().u8(FLAG);
  for (const octet of [...content, fcs & 0xff, fcs >> 8]) {
    const escape = octet === FLAG || octet === ESCAPE || (octet < 0x20 && (accm >>> octet) & 1);
    if (escape) out.u8(ESCAPE).u8(octet ^ 0x20);
    else out.u8(octet);
  }
  return out.u8(FLAG).toBytes();
}

/** The inverse of pppFrame for one frame: the IPv4 datagram, or DecodeError. */
export function pppUnframe(frame: Uint8Array): Uint8Array {
  if (frame.length > MAX_FRAME) throw new DecodeError(`PPP frame longer than ${MAX_FRAME} octets`, 0);
  if (frame.length < 2 || frame[0] !== FLAG || frame[frame.length - 1] !== FLAG) throw new DecodeError('a PPP frame starts and ends with 7E', 0);
  const content: number[] = [];
  for (let i = 1; i < frame.length - 1; i++) {
    if (frame[i] === FLAG) throw new DecodeError('flag inside the frame', i);
    if (frame[i] !== ESCAPE) content.push(frame[i]);
    else if (i + 1 < frame.length - 1) content.push(frame[++i] ^ 0x20);
    else throw new DecodeError('escape octet before the closing flag', i);
  }
  const bytes = Uint8Array.from(content);
  if (bytes.length < 6) throw new DecodeError('PPP frame too short', 0);
  if (fcs16(bytes) !== GOOD_FCS) throw new DecodeError('bad FCS', bytes.length - 2);
  if (bytes[0] !== ALL_STATIONS || bytes[1] !== UI) throw new DecodeError('address/control must be FF 03', 0);
  if (((bytes[2] << 8) | bytes[3]) !== PROTOCOL_IPV4) throw new DecodeError('not an IPv4 frame', 2);
  return bytes.slice(4, bytes.length - 2);
}
