import fc from 'fast-check';
import { SmppCommandId } from '../smpp-constants';
import { SmppFieldLimits as L } from '../smpp-field-limits';
import { SmppPdu, SmppTlv } from '../smpp-pdu';

// Structured arbitraries for every PDU the codec speaks (reliability.md S3, input source 1).

const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const cstr = (maxOctets: number) => fc.string({ unit: printable, maxLength: maxOctets - 1 });
const u8 = fc.integer({ min: 0, max: 0xff });
const u32 = fc.integer({ min: 0, max: 0xffffffff });
const head = { commandStatus: u32, sequenceNumber: u32 };
const tlv: fc.Arbitrary<SmppTlv> = fc.record({ tag: fc.integer({ min: 0, max: 0xffff }), value: fc.uint8Array({ maxLength: 40 }) });
const tlvs = fc.array(tlv, { maxLength: 4 });

const bind = fc.record({
  command: fc.constantFrom('bind_transmitter' as const, 'bind_receiver' as const, 'bind_transceiver' as const),
  ...head,
  systemId: cstr(L.systemId),
  password: cstr(L.password),
  systemType: cstr(L.systemType),
  interfaceVersion: u8,
  addrTon: u8,
  addrNpi: u8,
  addressRange: cstr(L.addressRange),
});

// A resp with a non-zero status and an empty body is sent header-only, so it decodes to the same value.
const bindResp = fc.record({
  command: fc.constantFrom('bind_transmitter_resp' as const, 'bind_receiver_resp' as const, 'bind_transceiver_resp' as const),
  ...head,
  systemId: cstr(L.systemId),
  tlvs,
});

const shortMessage = fc.record({
  command: fc.constantFrom('submit_sm' as const, 'deliver_sm' as const),
  ...head,
  serviceType: cstr(L.serviceType),
  sourceAddrTon: u8,
  sourceAddrNpi: u8,
  sourceAddr: cstr(L.address),
  destAddrTon: u8,
  destAddrNpi: u8,
  destinationAddr: cstr(L.address),
  esmClass: u8,
  protocolId: u8,
  priorityFlag: u8,
  scheduleDeliveryTime: cstr(L.time),
  validityPeriod: cstr(L.time),
  registeredDelivery: u8,
  replaceIfPresentFlag: u8,
  dataCoding: u8,
  smDefaultMsgId: u8,
  shortMessage: fc.uint8Array({ maxLength: 254 }),
  tlvs,
});

const messageIdResp = fc.record({
  command: fc.constantFrom('submit_sm_resp' as const, 'deliver_sm_resp' as const),
  ...head,
  messageId: cstr(L.messageId),
});

const empty = fc.record({
  command: fc.constantFrom('enquire_link' as const, 'enquire_link_resp' as const, 'unbind' as const, 'unbind_resp' as const, 'generic_nack' as const),
  ...head,
});

const KNOWN_IDS = new Set<number>(Object.values(SmppCommandId));
const unknown = fc.record({
  command: fc.constant('unknown' as const),
  ...head,
  commandId: u32.filter((id) => !KNOWN_IDS.has(id)),
  body: fc.uint8Array({ maxLength: 64 }),
});

export const smppPduArbitrary: fc.Arbitrary<SmppPdu> = fc.oneof(bind, bindResp, shortMessage, messageIdResp, empty, unknown);

/** Values the mutation fuzzer writes into length fields (reliability.md S3, input source 2). */
export const LENGTH_EXTREMES = [0, 1, 15, 16, 17, 254, 255, 0xffff, 0x10000, 0x10001, 0x7fffffff, 0xffffffff];
