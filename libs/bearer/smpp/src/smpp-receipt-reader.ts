import { DeliveryReceiptParser } from './delivery-receipt-parser';
import { EsmClass, SmppTlvTag } from './smpp-constants';
import { SmppFieldLimits } from './smpp-field-limits';
import { ShortMessageBody } from './smpp-pdu';
import { RECEIPT_STATES, ReceiptState, SmppReceipt } from './smpp-receipt';
import { SmppTlvReader } from './smpp-tlv-reader';

const RECEIPT_TYPES: ReadonlySet<number> = new Set([EsmClass.SMSC_DELIVERY_RECEIPT, EsmClass.INTERMEDIATE_NOTIFICATION]);

/** Turns a deliver_sm into a receipt: TLVs (SMPP 3.4 §5.3.2.12, §5.3.2.35) win over the text. */
export class SmppReceiptReader {
  static isReceipt(pdu: ShortMessageBody): boolean {
    const type = pdu.esmClass & EsmClass.MESSAGE_TYPE_MASK;
    return RECEIPT_TYPES.has(type) || SmppTlvReader.find(pdu.tlvs, SmppTlvTag.receipted_message_id) !== undefined;
  }

  /** Undefined when the deliver_sm is not a receipt or names no message id; throws SmppDecodeError on bad TLVs. */
  static read(pdu: ShortMessageBody): SmppReceipt | undefined {
    if (!SmppReceiptReader.isReceipt(pdu)) return undefined;
    const payload = SmppTlvReader.find(pdu.tlvs, SmppTlvTag.message_payload);
    const raw = pdu.shortMessage.length > 0 ? pdu.shortMessage : (payload ?? new Uint8Array(0));
    const text = DeliveryReceiptParser.parse(Buffer.from(raw).toString('latin1'));
    const tlvId = SmppTlvReader.cString(pdu.tlvs, SmppTlvTag.receipted_message_id, SmppFieldLimits.messageId);
    const messageId = tlvId || text?.id;
    if (!messageId) return undefined;
    const stateCode = SmppTlvReader.u8(pdu.tlvs, SmppTlvTag.message_state);
    const error = text?.err ?? SmppTlvReader.networkErrorCode(pdu.tlvs, SmppTlvTag.network_error_code);
    const receipt: SmppReceipt = { messageId, state: stateOf(stateCode, text?.stat) };
    if (error !== undefined) receipt.error = error;
    if (text?.submitDate) receipt.submittedAt = text.submitDate;
    if (text?.doneDate) receipt.doneAt = text.doneDate;
    return receipt;
  }
}

function stateOf(code: number | undefined, stat: string | undefined): ReceiptState {
  if (code !== undefined && code >= 1 && code <= RECEIPT_STATES.length) return RECEIPT_STATES[code - 1];
  const known = RECEIPT_STATES.find((s) => s === stat);
  return known ?? 'UNKNOWN';
}
