/** SMPP 3.4 Appendix B stat values; the index + 1 is the message_state TLV value (§5.2.28). */
export const RECEIPT_STATES = ['ENROUTE', 'DELIVRD', 'EXPIRED', 'DELETED', 'UNDELIV', 'ACCEPTD', 'UNKNOWN', 'REJECTD'] as const;
export type ReceiptState = (typeof RECEIPT_STATES)[number];

/** A delivery receipt for one submitted segment (seed §S12: the response to a message). */
export interface SmppReceipt {
  messageId: string;
  state: ReceiptState;
  /** The `err:` field of the receipt text, or `type:code` from network_error_code. */
  error?: string;
  submittedAt?: Date;
  doneAt?: Date;
}

/** The fields of the receipt text (SMPP 3.4 Appendix B), as far as they were present. */
export interface DeliveryReceiptText {
  id: string;
  stat: string;
  sub?: string;
  dlvrd?: string;
  submitDate?: Date;
  doneDate?: Date;
  err?: string;
  text?: string;
}
