import { fromHex } from '@waken/wire';
import { SmppDecodeError } from './smpp-decode-error';
import { ShortMessageBody } from './smpp-pdu';
import { SmppReceiptReader } from './smpp-receipt-reader';

function deliverSm(overrides: Partial<ShortMessageBody>): ShortMessageBody {
  return {
    serviceType: '',
    sourceAddrTon: 1,
    sourceAddrNpi: 1,
    sourceAddr: '438323546',
    destAddrTon: 0,
    destAddrNpi: 0,
    destinationAddr: '',
    esmClass: 0x04,
    protocolId: 0,
    priorityFlag: 0,
    scheduleDeliveryTime: '',
    validityPeriod: '',
    registeredDelivery: 0,
    replaceIfPresentFlag: 0,
    dataCoding: 0,
    smDefaultMsgId: 0,
    shortMessage: new Uint8Array(0),
    tlvs: [],
    ...overrides,
  };
}

const text = (s: string) => new TextEncoder().encode(s);

describe('SmppReceiptReader', () => {
  it('reads id, stat and err from the receipt text', () => {
    const pdu = deliverSm({ shortMessage: text('id:m-1 sub:001 dlvrd:000 submit date:2611261000 done date:2611261001 stat:UNDELIV err:034 text:') });
    expect(SmppReceiptReader.read(pdu)).toEqual({
      messageId: 'm-1',
      state: 'UNDELIV',
      error: '034',
      submittedAt: new Date('2026-11-26T10:00:00Z'),
      doneAt: new Date('2026-11-26T10:01:00Z'),
    });
  });

  it('prefers receipted_message_id and message_state TLVs over the text (SMPP 3.4 §5.3.2.12, §5.3.2.35)', () => {
    const pdu = deliverSm({
      shortMessage: text('id:decimal-form stat:ENROUTE'),
      tlvs: [
        { tag: 0x001e, value: text('hex-form\0') },
        { tag: 0x0427, value: fromHex('03') },
        { tag: 0x0423, value: fromHex('03 00 0b') },
      ],
    });
    expect(SmppReceiptReader.read(pdu)).toEqual({ messageId: 'hex-form', state: 'EXPIRED', error: '3:11' });
  });

  it('reads the text from message_payload when short_message is empty, and maps unknown stats to UNKNOWN', () => {
    const pdu = deliverSm({ tlvs: [{ tag: 0x0424, value: text('id:x stat:WEIRD') }] });
    expect(SmppReceiptReader.read(pdu)).toEqual({ messageId: 'x', state: 'UNKNOWN' });
  });

  it('ignores mobile-originated messages and receipts naming no message id', () => {
    expect(SmppReceiptReader.read(deliverSm({ esmClass: 0, shortMessage: text('id:1 stat:DELIVRD') }))).toBeUndefined();
    expect(SmppReceiptReader.read(deliverSm({ shortMessage: text('no receipt here') }))).toBeUndefined();
  });

  it('throws SmppDecodeError on a malformed message_state TLV', () => {
    const pdu = deliverSm({ tlvs: [{ tag: 0x001e, value: text('a\0') }, { tag: 0x0427, value: fromHex('0202') }] });
    expect(() => SmppReceiptReader.read(pdu)).toThrow(SmppDecodeError);
  });
});
