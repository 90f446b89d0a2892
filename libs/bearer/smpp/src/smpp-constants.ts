/** SMPP 3.4 §5.1.2.1: command_id values this client speaks. Responses have bit 31 set. */
export const SmppCommandId = {
  generic_nack: 0x80000000,
  bind_receiver: 0x00000001,
  bind_receiver_resp: 0x80000001,
  bind_transmitter: 0x00000002,
  bind_transmitter_resp: 0x80000002,
  submit_sm: 0x00000004,
  submit_sm_resp: 0x80000004,
  deliver_sm: 0x00000005,
  deliver_sm_resp: 0x80000005,
  unbind: 0x00000006,
  unbind_resp: 0x80000006,
  bind_transceiver: 0x00000009,
  bind_transceiver_resp: 0x80000009,
  enquire_link: 0x00000015,
  enquire_link_resp: 0x80000015,
} as const;

export type SmppKnownCommand = keyof typeof SmppCommandId;

export const RESPONSE_BIT = 0x80000000;

/** SMPP 3.4 §5.1.3: the command_status values the client emits or reacts to. */
export const SmppStatus = {
  ESME_ROK: 0x00,
  ESME_RINVMSGLEN: 0x01,
  ESME_RINVCMDLEN: 0x02,
  ESME_RINVCMDID: 0x03,
  ESME_RINVBNDSTS: 0x04,
  ESME_RALYBND: 0x05,
  ESME_RSYSERR: 0x08,
  ESME_RBINDFAIL: 0x0d,
  ESME_RINVPASWD: 0x0e,
  ESME_RINVSYSID: 0x0f,
  ESME_RMSGQFUL: 0x14,
  ESME_RTHROTTLED: 0x58,
  ESME_RINVOPTPARSTREAM: 0xc0,
  ESME_RINVPARLEN: 0xc2,
} as const;

/** Statuses after which the same submit may succeed later (queue full, throttled, SMSC error). */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([
  SmppStatus.ESME_RSYSERR,
  SmppStatus.ESME_RMSGQFUL,
  SmppStatus.ESME_RTHROTTLED,
]);

/** SMPP 3.4 §5.3.2: optional parameter (TLV) tags used here. */
export const SmppTlvTag = {
  receipted_message_id: 0x001e,
  sc_interface_version: 0x0210,
  network_error_code: 0x0423,
  message_payload: 0x0424,
  message_state: 0x0427,
} as const;

/** SMPP 3.4 §3.2: a header is four 32-bit fields. */
export const SMPP_HEADER_LENGTH = 16;
/** reliability.md #26: anything longer is refused before it is buffered. */
export const SMPP_MAX_PDU_LENGTH = 64 * 1024;
/** SMPP 3.4 §5.2.21: sm_length is 0..254. */
export const SMPP_MAX_SHORT_MESSAGE = 254;
export const SMPP_INTERFACE_VERSION = 0x34;

/** SMPP 3.4 §5.2.12 esm_class bits. */
export const EsmClass = {
  UDHI: 0x40,
  MESSAGE_TYPE_MASK: 0x3c,
  SMSC_DELIVERY_RECEIPT: 0x04,
  INTERMEDIATE_NOTIFICATION: 0x20,
} as const;

/** SMPP 3.4 §5.2.19: 8-bit binary, what WAP push over SMS needs (wsp-wdp-sms.md §2). */
export const DATA_CODING_8BIT_BINARY = 0x04;

/** SMPP 3.4 §5.2.5 / §5.2.6. */
export const Ton = { UNKNOWN: 0, INTERNATIONAL: 1, ALPHANUMERIC: 5 } as const;
export const Npi = { UNKNOWN: 0, ISDN: 1 } as const;
