import { decodeSia, type SiaMessage } from '@waken/sir-domain';
import { DecodeError } from '@waken/wire';
import { EncapsulationError } from '../encapsulation.error';
import type { SirPayload } from '../sir-payload';
import { MAX_USSD_SEPTETS, packUssdText, unpackUssdText } from './gsm7-ussd';

/** Marks a USSD string as a SIR: the `application/vnd.wap.sia` body follows in base64. */
export const USSD_SIR_PREFIX = 'SIA:';
/** CBS data coding scheme 0x0F: GSM 7-bit default alphabet, language unspecified (TS 23.038 §5). */
export const USSD_DCS_GSM7 = 0x0f;

export interface UssdWakeup {
  /** The USSD string as the network's USSD gateway takes it (≤ 182 characters). */
  text: string;
  dataCodingScheme: number;
  /** The same string packed as it travels in MAP/RRC (TS 23.038 §6.1.2.3). */
  packed: Uint8Array;
}

/**
 * seed §S6 step 103 "USSD": a network-initiated USSD string `SIA:<base64 of the SIA>`. Refused
 * (too-large) when it would exceed 182 GSM characters: about 132 octets of SIA, so only SIRs with
 * short addresses and body-less identity placement fit. No partial or lossy form is sent.
 */
export function ussdWakeupFor(payload: SirPayload): UssdWakeup {
  const text = USSD_SIR_PREFIX + Buffer.from(payload.sia).toString('base64');
  if (text.length > MAX_USSD_SEPTETS) {
    throw new EncapsulationError('too-large', `the SIR needs ${text.length} USSD characters; at most ${MAX_USSD_SEPTETS}`);
  }
  return { text, dataCodingScheme: USSD_DCS_GSM7, packed: packUssdText(text) };
}

/** The terminal side: a packed USSD string back to the SIA. Throws only DecodeError. */
export function decodeUssdSir(packed: Uint8Array): SiaMessage {
  const text = unpackUssdText(packed);
  if (!text.startsWith(USSD_SIR_PREFIX)) throw new DecodeError(`a SIR USSD string starts with ${USSD_SIR_PREFIX}`, 0);
  const b64 = text.slice(USSD_SIR_PREFIX.length);
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(b64)) throw new DecodeError('not canonical base64', USSD_SIR_PREFIX.length);
  return decodeSia(Buffer.from(b64, 'base64'));
}
