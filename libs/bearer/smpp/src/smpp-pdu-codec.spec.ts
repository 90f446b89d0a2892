import { fromHex, toHex } from '@waken/wire';
import { SmppStatus } from './smpp-constants';
import { SmppDecodeError } from './smpp-decode-error';
import { ShortMessagePdu } from './smpp-pdu';
import { SmppPduCodec } from './smpp-pdu-codec';

const WAP_SEGMENT = fromHex('0B 00 03 2A 02 01 05 04 0B 84 23 F0 01 06 03 B4 AF 81');

function submitSm(overrides: Partial<ShortMessagePdu> = {}): ShortMessagePdu {
  return {
    command: 'submit_sm',
    commandStatus: 0,
    sequenceNumber: 7,
    serviceType: '',
    sourceAddrTon: 0,
    sourceAddrNpi: 0,
    sourceAddr: '',
    destAddrTon: 1,
    destAddrNpi: 1,
    destinationAddr: '438323546',
    esmClass: 0x40,
    protocolId: 0,
    priorityFlag: 0,
    scheduleDeliveryTime: '',
    validityPeriod: '',
    registeredDelivery: 1,
    replaceIfPresentFlag: 0,
    dataCoding: 4,
    smDefaultMsgId: 0,
    shortMessage: WAP_SEGMENT,
    tlvs: [],
    ...overrides,
  };
}

describe('SmppPduCodec', () => {
  it('encodes enquire_link as a bare 16-octet header (SMPP 3.4 §4.11.1)', () => {
    const bytes = SmppPduCodec.encode({ command: 'enquire_link', commandStatus: 0, sequenceNumber: 1 });
    expect(toHex(bytes)).toBe('00000010' + '00000015' + '00000000' + '00000001');
  });

  it('lays out bind_transceiver fields in SMPP 3.4 §4.1.5 order', () => {
    const bytes = SmppPduCodec.encode({
      command: 'bind_transceiver',
      commandStatus: 0,
      sequenceNumber: 2,
      systemId: 'waken',
      password: 'pw',
      systemType: '',
      interfaceVersion: 0x34,
      addrTon: 0,
      addrNpi: 0,
      addressRange: '',
    });
    expect(toHex(bytes)).toBe('0000001e' + '00000009' + '00000000' + '00000002' + '77616b656e00' + '707700' + '00' + '34' + '0000' + '00');
  });

  it('writes a WAP push segment with UDHI, 8-bit data coding and sm_length (wsp-wdp-sms.md §2)', () => {
    const bytes = SmppPduCodec.encode(submitSm());
    const hex = toHex(bytes);
    expect(hex.endsWith('40' + '00' + '00' + '00' + '00' + '01' + '00' + '04' + '00' + '12' + toHex(WAP_SEGMENT))).toBe(true);
    expect(SmppPduCodec.decode(bytes)).toEqual(submitSm());
  });

  it('carries message_payload and receipt TLVs after the mandatory fields', () => {
    const pdu = submitSm({
      command: 'deliver_sm',
      shortMessage: new Uint8Array(0),
      tlvs: [
        { tag: 0x001e, value: fromHex('61626300') },
        { tag: 0x0427, value: fromHex('02') },
      ],
    });
    const bytes = SmppPduCodec.encode(pdu);
    expect(toHex(bytes).endsWith('00' + '001e0004' + '61626300' + '04270001' + '02')).toBe(true);
    expect(SmppPduCodec.decode(bytes)).toEqual(pdu);
  });

  it('sends a refused submit_sm_resp header-only (SMPP 3.4 §4.4.2) and reads it back', () => {
    const bytes = SmppPduCodec.encode({ command: 'submit_sm_resp', commandStatus: 0x58, sequenceNumber: 3, messageId: '' });
    expect(bytes.length).toBe(16);
    expect(SmppPduCodec.decode(bytes)).toMatchObject({ command: 'submit_sm_resp', commandStatus: 0x58, messageId: '' });
  });

  it('decodes an unknown command_id into an "unknown" value for a generic_nack', () => {
    const bytes = fromHex('00000012 00000103 00000000 00000009 abcd');
    expect(SmppPduCodec.decode(bytes)).toEqual({ command: 'unknown', commandId: 0x103, commandStatus: 0, sequenceNumber: 9, body: fromHex('abcd') });
  });

  describe('reliability #26: bad command_length', () => {
    it.each([
      ['shorter than 16', '0000000f 00000015 00000000 00000001'],
      ['larger than 64 KiB', '00010001 00000015 00000000 00000001'],
      ['0xFFFFFFFF', 'ffffffff 00000015 00000000 00000001'],
      ['not matching the bytes', '00000011 00000015 00000000 00000001'],
    ])('refuses a length %s with ESME_RINVCMDLEN', (_why, hex) => {
      const error = catchError(() => SmppPduCodec.decode(fromHex(hex)));
      expect(error).toBeInstanceOf(SmppDecodeError);
      expect(error).toMatchObject({ commandStatus: SmppStatus.ESME_RINVCMDLEN, sequenceNumber: 1 });
    });

    it('refuses fewer than 16 octets and trailing octets after a body', () => {
      expect(() => SmppPduCodec.decode(fromHex('00000010'))).toThrow(SmppDecodeError);
      expect(() => SmppPduCodec.decode(fromHex('00000011 00000015 00000000 00000001 00'))).toThrow(/after the enquire_link body/);
    });
  });

  it('refuses sm_length 255 and a TLV running past the PDU', () => {
    const bytes = SmppPduCodec.encode(submitSm({ shortMessage: new Uint8Array(0) }));
    const smLengthAt = bytes.length - 1;
    const tooLong = Uint8Array.from([...bytes.subarray(0, smLengthAt), 0xff]);
    tooLong.set([0, 0, 0, tooLong.length], 0);
    expect(catchError(() => SmppPduCodec.decode(tooLong))).toMatchObject({ commandStatus: SmppStatus.ESME_RINVMSGLEN, sequenceNumber: 7 });
    const badTlv = Uint8Array.from([...bytes, 0x04, 0x27, 0x00, 0x09, 0x02]);
    badTlv.set([0, 0, 0, badTlv.length], 0);
    expect(catchError(() => SmppPduCodec.decode(badTlv))).toMatchObject({ commandStatus: SmppStatus.ESME_RINVOPTPARSTREAM });
  });

  it('refuses to encode fields the PDU cannot carry', () => {
    expect(() => SmppPduCodec.encode(submitSm({ shortMessage: new Uint8Array(255) }))).toThrow(RangeError);
    expect(() => SmppPduCodec.encode(submitSm({ destinationAddr: '1'.repeat(21) }))).toThrow(RangeError);
    expect(() => SmppPduCodec.encode({ command: 'unknown', commandId: 0x15, commandStatus: 0, sequenceNumber: 1, body: new Uint8Array(0) })).toThrow(RangeError);
  });
});

function catchError(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  throw new Error('expected an error');
}
