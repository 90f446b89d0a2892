import { ByteReader, ByteWriter } from '@waken/wire';

/** WDP ports over SMS (wsp-wdp-sms.md §1): the PPG sends from 9200 to the terminal's 2948. */
export const WAP_PUSH_PORTS = { source: 9200, destination: 2948 } as const;

/** 3GPP TS 23.040 §9.2.3.24 information element identifiers. */
const IEI = { concat8: 0x00, ports8: 0x04, ports16: 0x05, concat16: 0x08 } as const;

export interface SmsPorts {
  source: number;
  destination: number;
}

export interface SmsConcat {
  reference: number;
  total: number;
  /** 1-based part number. */
  index: number;
}

export interface SmsUserData {
  udh: { ports?: SmsPorts; concat?: SmsConcat };
  data: Uint8Array;
}

export interface WapPushSegmentOptions {
  /** Concatenation reference shared by every part, unique per destination while in flight. */
  reference: number;
  sourcePort?: number;
  destinationPort?: number;
  /** TP-User-Data budget including UDHL and UDH (§3: 140 octets for 8-bit data). */
  maxOctets?: number;
  /** Use IEI 0x08 (16-bit reference) instead of 0x00. */
  reference16?: boolean;
}

export const MAX_SMS_PARTS = 255;

/**
 * Splits a WSP PDU into complete TP-User-Data values (UDHL + UDH + data), seed §S6 "SMS".
 * One part: `06 05 04 dst src` + PDU; more: every part repeats the port IE after a concat IE.
 */
export function toWapPushSegments(pdu: Uint8Array, options: WapPushSegmentOptions): Uint8Array[] {
  const { reference, reference16 = false, maxOctets = 140 } = options;
  const ports = { source: options.sourcePort ?? WAP_PUSH_PORTS.source, destination: options.destinationPort ?? WAP_PUSH_PORTS.destination };
  if (!Number.isInteger(reference) || reference < 0 || reference > (reference16 ? 0xffff : 0xff)) {
    throw new RangeError(`concatenation reference out of range: ${reference}`);
  }
  if (pdu.length <= maxOctets - 7) return [userData([portsIe(ports)], pdu)];
  const chunk = maxOctets - (reference16 ? 13 : 12);
  if (chunk < 1) throw new RangeError(`maxOctets ${maxOctets} leaves no room for data`);
  const total = Math.ceil(pdu.length / chunk);
  if (total > MAX_SMS_PARTS) throw new RangeError(`PDU needs ${total} parts; at most ${MAX_SMS_PARTS}`);
  const parts: Uint8Array[] = [];
  for (let index = 1; index <= total; index++) {
    const concat = concatIe({ reference, total, index }, reference16);
    parts.push(userData([concat, portsIe(ports)], pdu.subarray((index - 1) * chunk, index * chunk)));
  }
  return parts;
}

/** Reads UDHL + information elements; unknown IEs are skipped, malformed ones are a DecodeError. */
export function parseSmsUserData(ud: Uint8Array): SmsUserData {
  const r = new ByteReader(ud);
  const header = r.sub(r.u8());
  const udh: SmsUserData['udh'] = {};
  while (!header.done) {
    const iei = header.u8();
    const ie = header.sub(header.u8());
    if (iei === IEI.ports16) udh.ports = fixed(ie, 4, () => ({ destination: ie.u16(), source: ie.u16() }));
    else if (iei === IEI.ports8) udh.ports = fixed(ie, 2, () => ({ destination: ie.u8(), source: ie.u8() }));
    else if (iei === IEI.concat8) udh.concat = fixed(ie, 3, () => ({ reference: ie.u8(), total: ie.u8(), index: ie.u8() }));
    else if (iei === IEI.concat16) udh.concat = fixed(ie, 4, () => ({ reference: ie.u16(), total: ie.u8(), index: ie.u8() }));
  }
  return { udh, data: r.rest().slice() };
}

function fixed<T>(ie: ByteReader, length: number, read: () => T): T {
  if (ie.remaining !== length) ie.fail(`information element must be ${length} octets, not ${ie.remaining}`);
  return read();
}

function portsIe({ source, destination }: SmsPorts): Uint8Array {
  return new ByteWriter().u8(IEI.ports16).u8(4).u16(destination).u16(source).toBytes();
}

function concatIe({ reference, total, index }: SmsConcat, reference16: boolean): Uint8Array {
  const w = new ByteWriter();
  if (reference16) w.u8(IEI.concat16).u8(4).u16(reference);
  else w.u8(IEI.concat8).u8(3).u8(reference);
  return w.u8(total).u8(index).toBytes();
}

function userData(elements: Uint8Array[], data: Uint8Array): Uint8Array {
  const udhLength = elements.reduce((sum, ie) => sum + ie.length, 0);
  const w = new ByteWriter().u8(udhLength);
  for (const ie of elements) w.bytes(ie);
  return w.bytes(data).toBytes();
}
