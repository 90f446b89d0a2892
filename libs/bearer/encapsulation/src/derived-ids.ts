import { createHash } from 'node:crypto';

function digest(...parts: string[]): Buffer {
  return createHash('sha256').update(parts.join('\u0000')).digest();
}

/**
 * WSP connectionless TID (wsp-wdp-sms.md §4) derived from the SIR id: a redelivered input gives
 * the same bytes, and different SIRs to one terminal get different TIDs.
 */
export function transactionIdFor(messageId: string): number {
  return digest('tid', messageId)[0];
}

/**
 * Concatenation reference (3GPP TS 23.040 §9.2.3.24.1/.8): shared by the parts of one message,
 * varying per message so two SIRs in flight to one MSISDN do not merge; deterministic for a
 * redelivered input so the terminal's reassembler sees the same message again, not a new one.
 */
export function concatReferenceFor(messageId: string, sixteenBit = false): number {
  const h = digest('concat-ref', messageId);
  return sixteenBit ? h.readUInt16BE(0) : h[0];
}
