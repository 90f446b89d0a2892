/** SMPP 3.4 §3.2.4: an optional parameter as it appears on the wire. */
export interface SmppTlv {
  tag: number;
  value: Uint8Array;
}

interface Header<C extends string> {
  command: C;
  commandStatus: number;
  sequenceNumber: number;
}

/** SMPP 3.4 §4.1.1/§4.1.3/§4.1.5 bind_* bodies. */
export interface BindBody {
  systemId: string;
  password: string;
  systemType: string;
  interfaceVersion: number;
  addrTon: number;
  addrNpi: number;
  addressRange: string;
}

export interface BindRespBody {
  systemId: string;
  tlvs: SmppTlv[];
}

/** SMPP 3.4 §4.4.1 submit_sm and §4.6.1 deliver_sm share the mandatory fields. */
export interface ShortMessageBody {
  serviceType: string;
  sourceAddrTon: number;
  sourceAddrNpi: number;
  sourceAddr: string;
  destAddrTon: number;
  destAddrNpi: number;
  destinationAddr: string;
  esmClass: number;
  protocolId: number;
  priorityFlag: number;
  scheduleDeliveryTime: string;
  validityPeriod: string;
  registeredDelivery: number;
  replaceIfPresentFlag: number;
  dataCoding: number;
  smDefaultMsgId: number;
  shortMessage: Uint8Array;
  tlvs: SmppTlv[];
}

export interface MessageIdBody {
  messageId: string;
}

export type BindCommand = 'bind_transmitter' | 'bind_receiver' | 'bind_transceiver';
export type BindRespCommand = `${BindCommand}_resp`;
export type EmptyCommand = 'enquire_link' | 'enquire_link_resp' | 'unbind' | 'unbind_resp' | 'generic_nack';

export type BindPdu = Header<BindCommand> & BindBody;
export type BindRespPdu = Header<BindRespCommand> & BindRespBody;
export type ShortMessagePdu = Header<'submit_sm' | 'deliver_sm'> & ShortMessageBody;
export type MessageIdPdu = Header<'submit_sm_resp' | 'deliver_sm_resp'> & MessageIdBody;
export type EmptyPdu = Header<EmptyCommand>;
/** A well-framed PDU with a command_id we do not speak; answered with generic_nack. */
export type UnknownPdu = Header<'unknown'> & { commandId: number; body: Uint8Array };

export type SmppPdu = BindPdu | BindRespPdu | ShortMessagePdu | MessageIdPdu | EmptyPdu | UnknownPdu;

/** A PDU without its sequence number, as handed to the connection for sending. */
export type SmppOutgoing = SmppPdu extends infer P ? (P extends SmppPdu ? Omit<P, 'sequenceNumber'> : never) : never;
