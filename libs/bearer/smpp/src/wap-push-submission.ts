/** One WAP push for one MSISDN: ready TP-User-Data segments, each starting with its UDH. */
export interface WapPushSubmission {
  /** E.164 with the leading +, e.g. +438323546. */
  destination: string;
  /** Built by @waken/bearer-wsp (wsp-wdp-sms.md §2-3): UDHL, port IE 0B84/23F0, concat IE, WSP. */
  segments: Uint8Array[];
  registeredDelivery: boolean;
  /** E.164, digits (short code) or up to 11 alphanumerics; defaults to the client's sourceAddr. */
  sourceAddr?: string;
  /** Becomes the absolute validity_period, so the SMSC never delivers after the TTL (reliability R5). */
  expiresAt?: Date;
}

export interface WapPushSubmitted {
  /** One message_id per segment, in segment order. */
  messageIds: string[];
  /** When the last segment was handed to the kernel. */
  onWireAt: Date;
}
