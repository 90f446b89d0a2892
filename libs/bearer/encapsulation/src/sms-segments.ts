import { MAX_SMS_PARTS, toWapPushSegments } from '@waken/bearer-wsp';
import { concatReferenceFor } from './derived-ids';
import { EncapsulationError } from './encapsulation.error';

/** SMPP data_coding 0x04: 8-bit binary, as WAP push over SMS requires (wsp-wdp-sms.md §2). */
export const SMS_DATA_CODING_8BIT = 0x04;

export interface SmsSegmentOptions {
  /** IEI 0x08 (16-bit reference, 127 octets per part) instead of IEI 0x00 (8-bit, 128). */
  reference16?: boolean;
}

/**
 * WAP push over SMS (seed §S6 "SMS"): UDH ports 9200 → 2948, concatenated when the PDU is longer
 * than 133 octets, with a reference derived from `messageId` (see concatReferenceFor).
 */
export function smsSegmentsFor(pdu: Uint8Array, messageId: string, options: SmsSegmentOptions = {}): Uint8Array[] {
  const reference16 = options.reference16 ?? false;
  try {
    return toWapPushSegments(pdu, { reference: concatReferenceFor(messageId, reference16), reference16 });
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    throw new EncapsulationError('too-large', `${pdu.length} octets do not fit ${MAX_SMS_PARTS} SMS segments: ${e.message}`);
  }
}

/** E.164 with the leading `+` (the registry's normal form); a `tel:` prefix is accepted. */
export function msisdnOf(address: string): string {
  const msisdn = address.replace(/^tel:/i, '');
  if (!/^\+[1-9][0-9]{1,14}$/.test(msisdn)) throw new EncapsulationError('bad-address', `not an E.164 MSISDN: ${JSON.stringify(address.slice(0, 40))}`);
  return msisdn;
}
