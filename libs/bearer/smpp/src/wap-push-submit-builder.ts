import { DATA_CODING_8BIT_BINARY, EsmClass, Npi, Ton } from './smpp-constants';
import { ShortMessageBody } from './smpp-pdu';
import { WapPushSubmission } from './wap-push-submission';

/** wsp-wdp-sms.md §3: TP-User-Data is at most 140 octets with 8-bit coding, UDH included. */
export const MAX_TP_USER_DATA = 140;
/** wsp-wdp-sms.md §3: the concat IE counts parts in one octet. */
export const MAX_SEGMENTS = 255;

const E164 = /^\+[1-9][0-9]{1,14}$/;

/** Turns a WAP push into submit_sm bodies: UDHI set, 8-bit binary, one per segment (seed §S6). */
export class WapPushSubmitBuilder {
  static build(push: WapPushSubmission, defaultSourceAddr = ''): ShortMessageBody[] {
    if (!E164.test(push.destination)) throw new RangeError(`destination is not an E.164 MSISDN: ${push.destination}`);
    if (push.segments.length < 1 || push.segments.length > MAX_SEGMENTS) {
      throw new RangeError(`${push.segments.length} segments; 1..${MAX_SEGMENTS} allowed`);
    }
    push.segments.forEach(checkSegment);
    const source = sourceAddress(push.sourceAddr ?? defaultSourceAddr);
    const validityPeriod = push.expiresAt ? WapPushSubmitBuilder.absoluteTime(push.expiresAt) : '';
    return push.segments.map((segment) => ({
      serviceType: '',
      ...source,
      destAddrTon: Ton.INTERNATIONAL,
      destAddrNpi: Npi.ISDN,
      destinationAddr: push.destination.slice(1),
      esmClass: EsmClass.UDHI,
      protocolId: 0,
      priorityFlag: 0,
      scheduleDeliveryTime: '',
      validityPeriod,
      // SMPP 3.4 §5.2.17: 0x01 = SMSC delivery receipt on final outcome, success or failure.
      registeredDelivery: push.registeredDelivery ? 0x01 : 0x00,
      replaceIfPresentFlag: 0,
      dataCoding: DATA_CODING_8BIT_BINARY,
      smDefaultMsgId: 0,
      shortMessage: segment,
      tlvs: [],
    }));
  }

  /** SMPP 3.4 §7.1.1 absolute time "YYMMDDhhmmsstnnp", in UTC: nn = 00, p = '+'. */
  static absoluteTime(at: Date): string {
    if (Number.isNaN(at.getTime())) throw new RangeError('invalid expiresAt');
    const two = (n: number) => String(n).padStart(2, '0');
    const date = [at.getUTCFullYear() % 100, at.getUTCMonth() + 1, at.getUTCDate(), at.getUTCHours(), at.getUTCMinutes(), at.getUTCSeconds()];
    return `${date.map(two).join('')}${Math.floor(at.getUTCMilliseconds() / 100)}00+`;
  }
}

/** The segment must carry its UDH (TS 23.040 §9.2.3.24): UDHL plus that many octets, within 140. */
function checkSegment(segment: Uint8Array, index: number): void {
  if (segment.length < 1 || segment.length > MAX_TP_USER_DATA) {
    throw new RangeError(`segment ${index} has ${segment.length} octets; 1..${MAX_TP_USER_DATA} allowed`);
  }
  if (segment[0] + 1 > segment.length) throw new RangeError(`segment ${index}: UDHL ${segment[0]} exceeds the segment`);
}

function sourceAddress(addr: string): Pick<ShortMessageBody, 'sourceAddrTon' | 'sourceAddrNpi' | 'sourceAddr'> {
  if (addr === '') return { sourceAddrTon: Ton.UNKNOWN, sourceAddrNpi: Npi.UNKNOWN, sourceAddr: '' };
  if (E164.test(addr)) return { sourceAddrTon: Ton.INTERNATIONAL, sourceAddrNpi: Npi.ISDN, sourceAddr: addr.slice(1) };
  if (/^[0-9]{1,20}$/.test(addr)) return { sourceAddrTon: Ton.UNKNOWN, sourceAddrNpi: Npi.ISDN, sourceAddr: addr };
  // TS 23.040 §9.1.2.5: an alphanumeric originator holds at most 11 GSM characters.
  if (/^[ -~]{1,11}$/.test(addr)) return { sourceAddrTon: Ton.ALPHANUMERIC, sourceAddrNpi: Npi.UNKNOWN, sourceAddr: addr };
  throw new RangeError(`source address not usable: ${addr}`);
}
