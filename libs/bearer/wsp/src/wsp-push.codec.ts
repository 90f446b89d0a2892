import { HEADER } from './wsp-header-names';
import { readContentType, writeContentType } from './wsp-content-type.codec';
import { readApplicationId, readHeader, writeApplicationId, writeHeader } from './wsp-header.codec';
import { WSP_PDU_TYPE, type DecodedWspPush, type WspHeader, type WspPduType, type WspPush } from './wsp-push';
import { WspValueReader } from './wsp-value-reader';
import { WspValueWriter } from './wsp-value-writer';

/**
 * Connectionless Push PDU: TID, type, HeadersLen (uintvar), Content-Type, headers, body
 * (WAP-230 §8.2.4, wsp-wdp-sms.md §4). HeadersLen is always counted from the encoded bytes.
 */
export function encodeWspPush(push: WspPush): Uint8Array {
  const headers = new WspValueWriter();
  writeContentType(headers, push.contentType);
  if (push.applicationId !== undefined) {
    // seed §S6: X-Wap-Application-Id names the terminal application (push.sia for a SIR).
    headers.shortInteger(HEADER.applicationId);
    writeApplicationId(headers, push.applicationId);
  }
  for (const header of push.headers ?? []) writeHeader(headers, header);
  const headerBytes = headers.toBytes();
  return new WspValueWriter()
    .u8(push.tid)
    .u8(WSP_PDU_TYPE[push.pduType])
    .uintvar(headerBytes.length)
    .bytes(headerBytes)
    .bytes(push.body)
    .toBytes();
}

/** Decodes a connectionless Push or ConfirmedPush PDU; throws DecodeError on anything else. */
export function decodeWspPush(bytes: Uint8Array): DecodedWspPush {
  const r = new WspValueReader(bytes);
  const tid = r.u8();
  const pduType = pduTypeOf(r, r.u8());
  const headerBytes = r.bytes(r.uintvar());
  const body = r.rest().slice();
  const h = new WspValueReader(headerBytes);
  const contentType = readContentType(h);
  let applicationId: string | number | undefined;
  const headers: WspHeader[] = [];
  while (!h.done) {
    if (applicationId === undefined && h.peek() === (0x80 | HEADER.applicationId)) {
      h.u8();
      applicationId = readApplicationId(h);
    } else {
      headers.push(readHeader(h));
    }
  }
  const decoded: DecodedWspPush = { tid, pduType, contentType, headers, body };
  if (applicationId !== undefined) decoded.applicationId = applicationId;
  return decoded;
}

function pduTypeOf(r: WspValueReader, octet: number): WspPduType {
  if (octet === WSP_PDU_TYPE.push) return 'push';
  if (octet === WSP_PDU_TYPE['confirmed-push']) return 'confirmed-push';
  return r.fail(`not a Push PDU: type 0x${octet.toString(16)}`);
}
