import { DecodeError } from '@waken/wire';
import { SegmentReassembler } from './segment-reassembler';
import { MAX_SMS_PARTS, parseSmsUserData, type SmsPorts } from './sms-user-data';
import type { DecodedWspPush } from './wsp-push';
import { decodeWspPush } from './wsp-push.codec';

export interface WapPushOverSms {
  ports: SmsPorts;
  segments: number;
  wsp: DecodedWspPush;
}

/**
 * Decodes one WAP push from all of its TP-User-Data values, in any order (the terminal side
 * of seed §S6 / C1). Throws DecodeError for anything that is not exactly one complete push.
 */
export function decodeWapPushOverSms(segments: Uint8Array[]): WapPushOverSms {
  if (segments.length === 0 || segments.length > MAX_SMS_PARTS) throw new DecodeError(`${segments.length} segments`, 0);
  const parsed = segments.map((ud) => parseSmsUserData(ud));
  const ports = parsed[0].udh.ports;
  if (!ports) throw new DecodeError('no WDP port addressing in the UDH', 0);
  if (parsed.some((p) => p.udh.ports?.source !== ports.source || p.udh.ports.destination !== ports.destination)) {
    throw new DecodeError('segments disagree on ports', 0);
  }
  if (parsed.length === 1 && !parsed[0].udh.concat) return { ports, segments: 1, wsp: decodeWspPush(parsed[0].data) };
  const reassembler = new SegmentReassembler({ maxPending: 1 });
  for (const [i, { udh, data }] of parsed.entries()) {
    if (!udh.concat) throw new DecodeError(`segment ${i + 1} has no concatenation header`, 0);
    const result = reassembler.add({ ...udh.concat, data });
    if (result.status === 'rejected' || result.status === 'duplicate') throw new DecodeError(`segment ${i + 1}: ${result.status === 'rejected' ? result.reason : 'duplicate'}`, 0);
    if (result.status === 'complete') {
      if (i !== parsed.length - 1) throw new DecodeError('segments after the message completed', 0);
      return { ports, segments: result.parts, wsp: decodeWspPush(result.data) };
    }
  }
  throw new DecodeError('message incomplete: segments missing', 0);
}
