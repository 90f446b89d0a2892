import { ByteReader, ByteWriter } from '@waken/wire';
import { SMPP_MAX_SHORT_MESSAGE, SmppStatus } from './smpp-constants';
import { SmppDecodeError } from './smpp-decode-error';
import { SmppFieldLimits as L } from './smpp-field-limits';
import { BindBody, BindRespBody, MessageIdBody, ShortMessageBody, SmppTlv } from './smpp-pdu';

/** Mandatory-field layouts of SMPP 3.4 §4; TLVs follow the mandatory fields (§3.2.4). */
export class SmppBodyCodec {
  static writeBind(w: ByteWriter, b: BindBody): void {
    cString(w, b.systemId, L.systemId);
    cString(w, b.password, L.password);
    cString(w, b.systemType, L.systemType);
    w.u8(b.interfaceVersion).u8(b.addrTon).u8(b.addrNpi);
    cString(w, b.addressRange, L.addressRange);
  }

  static readBind(r: ByteReader): BindBody {
    return {
      systemId: r.cString(L.systemId - 1),
      password: r.cString(L.password - 1),
      systemType: r.cString(L.systemType - 1),
      interfaceVersion: r.u8(),
      addrTon: r.u8(),
      addrNpi: r.u8(),
      addressRange: r.cString(L.addressRange - 1),
    };
  }

  /** SMPP 3.4 §4.1.2: the body may be absent when command_status is non-zero. */
  static writeBindResp(w: ByteWriter, b: BindRespBody, status: number): void {
    if (status !== SmppStatus.ESME_ROK && b.systemId === '' && b.tlvs.length === 0) return;
    cString(w, b.systemId, L.systemId);
    SmppBodyCodec.writeTlvs(w, b.tlvs);
  }

  static readBindResp(r: ByteReader): BindRespBody {
    if (r.done) return { systemId: '', tlvs: [] };
    return { systemId: r.cString(L.systemId - 1), tlvs: SmppBodyCodec.readTlvs(r) };
  }

  /** SMPP 3.4 §4.4.2: "not returned if the command_status field contains a non-zero value". */
  static writeMessageId(w: ByteWriter, b: MessageIdBody, status: number): void {
    if (status !== SmppStatus.ESME_ROK && b.messageId === '') return;
    cString(w, b.messageId, L.messageId);
  }

  static readMessageId(r: ByteReader): MessageIdBody {
    return { messageId: r.done ? '' : r.cString(L.messageId - 1) };
  }

  static writeShortMessage(w: ByteWriter, b: ShortMessageBody): void {
    cString(w, b.serviceType, L.serviceType);
    w.u8(b.sourceAddrTon).u8(b.sourceAddrNpi);
    cString(w, b.sourceAddr, L.address);
    w.u8(b.destAddrTon).u8(b.destAddrNpi);
    cString(w, b.destinationAddr, L.address);
    w.u8(b.esmClass).u8(b.protocolId).u8(b.priorityFlag);
    cString(w, b.scheduleDeliveryTime, L.time);
    cString(w, b.validityPeriod, L.time);
    w.u8(b.registeredDelivery).u8(b.replaceIfPresentFlag).u8(b.dataCoding).u8(b.smDefaultMsgId);
    if (b.shortMessage.length > SMPP_MAX_SHORT_MESSAGE) {
      throw new RangeError(`short_message of ${b.shortMessage.length} octets; use message_payload`);
    }
    w.u8(b.shortMessage.length).bytes(b.shortMessage);
    SmppBodyCodec.writeTlvs(w, b.tlvs);
  }

  static readShortMessage(r: ByteReader): ShortMessageBody {
    const serviceType = r.cString(L.serviceType - 1);
    const source = { sourceAddrTon: r.u8(), sourceAddrNpi: r.u8(), sourceAddr: r.cString(L.address - 1) };
    const dest = { destAddrTon: r.u8(), destAddrNpi: r.u8(), destinationAddr: r.cString(L.address - 1) };
    const flags = { esmClass: r.u8(), protocolId: r.u8(), priorityFlag: r.u8() };
    const times = { scheduleDeliveryTime: r.cString(L.time - 1), validityPeriod: r.cString(L.time - 1) };
    const more = { registeredDelivery: r.u8(), replaceIfPresentFlag: r.u8(), dataCoding: r.u8(), smDefaultMsgId: r.u8() };
    const smLength = r.u8();
    if (smLength > SMPP_MAX_SHORT_MESSAGE) {
      throw new SmppDecodeError(`sm_length ${smLength} > ${SMPP_MAX_SHORT_MESSAGE}`, r.offset - 1, SmppStatus.ESME_RINVMSGLEN);
    }
    const shortMessage = r.bytes(smLength).slice();
    return { serviceType, ...source, ...dest, ...flags, ...times, ...more, shortMessage, tlvs: SmppBodyCodec.readTlvs(r) };
  }

  static writeTlvs(w: ByteWriter, tlvs: readonly SmppTlv[]): void {
    for (const t of tlvs) w.u16(t.tag).u16(t.value.length).bytes(t.value);
  }

  /** SMPP 3.4 §3.2.4: tag, length, value until the end of the PDU; a stray octet is an error. */
  static readTlvs(r: ByteReader): SmppTlv[] {
    const tlvs: SmppTlv[] = [];
    while (!r.done) {
      if (r.remaining < 4) throw new SmppDecodeError('truncated TLV header', r.offset, SmppStatus.ESME_RINVOPTPARSTREAM);
      const tag = r.u16();
      const length = r.u16();
      if (length > r.remaining) {
        throw new SmppDecodeError(`TLV 0x${tag.toString(16)} length ${length} beyond the PDU`, r.offset, SmppStatus.ESME_RINVOPTPARSTREAM);
      }
      tlvs.push({ tag, value: r.bytes(length).slice() });
    }
    return tlvs;
  }
}

function cString(w: ByteWriter, text: string, maxOctets: number): void {
  const octets = Buffer.byteLength(text, 'utf8') + 1;
  if (octets > maxOctets) throw new RangeError(`"${text}" needs ${octets} octets; the field allows ${maxOctets}`);
  w.cString(text);
}
