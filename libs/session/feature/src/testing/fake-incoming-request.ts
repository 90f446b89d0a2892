import { buildResponse, headerEntries, parseSipMessage, sameHeaderName, type SipHeaderInput, type SipRequest, type SipResponse } from '@waken/bearer-sip';
import type { IncomingSipRequest, SipPeer } from '@waken/bearer-sip-transport';

/** An IncomingSipRequest from SIP text that keeps the responses it is given, as the wire would see them. */
export class FakeIncomingRequest implements IncomingSipRequest {
  readonly request: SipRequest;
  readonly source: SipPeer = { transport: 'udp', host: '127.0.0.1', port: 15060 };
  readonly responses: SipResponse[] = [];
  toTag = 'random-tag';

  useToTag(tag: string): void {
    this.toTag = tag;
  }

  constructor(text: string) {
    this.request = parseSipMessage(new TextEncoder().encode(text)) as SipRequest;
  }

  respond(status: number, reason: string, headers?: SipHeaderInput, body?: Uint8Array | string): boolean {
    if (this.responses.some((r) => r.status >= 200)) return false;
    const all = headerEntries(headers);
    const contentType = all.find((h) => sameHeaderName(h.name, 'Content-Type'))?.value;
    const rest = all.filter((h) => !sameHeaderName(h.name, 'Content-Type'));
    this.responses.push(buildResponse(this.request, status, reason, { toTag: this.toTag, headers: rest, contentType, body }));
    return true;
  }

  get final(): SipResponse | undefined {
    return this.responses.find((r) => r.status >= 200);
  }
}

export interface SubscribeText {
  callId: string;
  cseq?: number;
  fromTag?: string;
  toTag?: string;
  headers: Record<string, string | undefined>;
  body?: string;
}

/** A SUBSCRIBE as Kamailio relays it to the PPG's Contact. */
export function subscribeText(s: SubscribeText): string {
  const headers: Record<string, string | undefined> = {
    Via: 'SIP/2.0/UDP 127.0.0.1:15060;branch=z9hG4bK-test-' + (s.cseq ?? 1) + s.callId,
    From: `<sip:+43-8323546@mobilkom.at>;tag=${s.fromTag ?? 'dev-tag'}`,
    To: `<sip:ppg@example.com>${s.toTag ? `;tag=${s.toTag}` : ''}`,
    'Call-ID': s.callId,
    CSeq: `${s.cseq ?? 1} SUBSCRIBE`,
    'Max-Forwards': '69',
    Event: 'waken-push',
    Contact: '<sip:dev-2@127.0.0.2:5062>',
    ...s.headers,
    ...(s.body ? { 'Content-Type': 'application/vnd.waken.client-info+json' } : {}),
  };
  const lines = Object.entries(headers).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${v}`);
  const body = s.body ?? '';
  return `SUBSCRIBE sip:ppg@127.0.0.1:5070 SIP/2.0\r\n${lines.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}
