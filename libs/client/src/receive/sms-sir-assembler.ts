import {
  decodeWapPushOverSms, decodeWspPush, parseSmsUserData, SegmentReassembler, WAP_PUSH_PORTS,
  type ReassemblerOptions, type SmsUserData,
} from '@waken/bearer-wsp';
import type { DecodedSir } from './decoded-sir';
import { malformedOnDecodeError } from './sir-body-decoder';
import { SirReceiveError } from './sir-receive.error';
import { decodeWspSir } from './wsp-sir-decoder';

export type SmsSirResult =
  | { readonly status: 'complete'; readonly decoded: DecodedSir; readonly segments: number }
  | { readonly status: 'pending'; readonly received: number; readonly total: number }
  | { readonly status: 'duplicate' };

/** seed §C1 over SMS, all segments at hand (any order): WDP → WSP → SIA. */
export function decodeSmsSir(segments: readonly Uint8Array[]): DecodedSir {
  const push = malformedOnDecodeError(() => decodeWapPushOverSms([...segments]));
  assertPushPort(push.ports.destination);
  return decodeWspSir(push.wsp, 'sms');
}

/**
 * A terminal receives a concatenated WAP push one TP-User-Data at a time (wsp-wdp-sms.md §3).
 * This joins them under the reassembler's caps (reliability.md (c) #27: bad sequence numbers and
 * reused references are dropped, incomplete messages time out) and decodes the SIR once complete.
 */
export class SmsSirAssembler {
  private readonly reassembler: SegmentReassembler;

  constructor(options: ReassemblerOptions = {}) {
    this.reassembler = new SegmentReassembler(options);
  }

  /** Messages still waiting for parts. */
  get pending(): number {
    return this.reassembler.size;
  }

  /** `origin` is the originating address: references are only unique per sender. */
  add(userData: Uint8Array, origin?: string): SmsSirResult {
    const { udh, data } = parse(userData);
    if (!udh.concat) return { status: 'complete', decoded: decodePdu(data), segments: 1 };
    const result = this.reassembler.add({ ...udh.concat, data, ...(origin !== undefined && { origin }) });
    switch (result.status) {
      case 'complete':
        return { status: 'complete', decoded: decodePdu(result.data), segments: result.parts };
      case 'rejected':
        throw new SirReceiveError('malformed', `SMS segment rejected: ${result.reason}`);
      default:
        return result;
    }
  }
}

function parse(userData: Uint8Array): SmsUserData {
  const parsed = malformedOnDecodeError(() => parseSmsUserData(userData));
  if (!parsed.udh.ports) throw new SirReceiveError('not-a-sir', 'SMS without WDP port addressing');
  assertPushPort(parsed.udh.ports.destination);
  return parsed;
}

function decodePdu(pdu: Uint8Array): DecodedSir {
  return decodeWspSir(malformedOnDecodeError(() => decodeWspPush(pdu)), 'sms');
}

/** WDP port 2948 is the connectionless WAP push port (wsp-wdp-sms.md §1). */
function assertPushPort(port: number): void {
  if (port !== WAP_PUSH_PORTS.destination) throw new SirReceiveError('not-a-sir', `SMS to WDP port ${port}, not ${WAP_PUSH_PORTS.destination}`);
}
