import { decodeWapPushOverSms, decodeWspPush, type DecodedWspPush, type SmsPorts, type WspHeaderValue } from '@waken/bearer-wsp';
import { getHeader, isSipRequest, parseSipMessage } from '@waken/bearer-sip';
import { DecodeError, toHex } from '@waken/wire';
import { fieldRecord, viewContent, type ContentView } from './content-view';

export interface WspView {
  tid: number;
  pduType: string;
  contentType: string;
  contentTypeParams?: Record<string, string | number>;
  applicationId?: string | number;
  /** Every header after Content-Type and the application id; raw values as hex. */
  headers: Array<{ name: string; value: string | number }>;
}

export interface WspPushView {
  wsp: WspView;
  content: ContentView;
}

export interface SmsPushView extends WspPushView {
  ports: SmsPorts;
  segments: number;
}

export interface SipPushView {
  sip: { method: string; requestUri: string; headers: Array<{ name: string; value: string }> };
  content: ContentView;
}

/** WAP push over SMS, all TP-User-Data values of one message in any order. Throws only DecodeError. */
export function inspectSmsPush(segments: Uint8Array[]): SmsPushView {
  const { ports, segments: count, wsp } = decodeWapPushOverSms(segments);
  return { ports, segments: count, ...viewWsp(wsp) };
}

/** One connectionless WSP Push datagram (UDP 2948). Throws only DecodeError. */
export function inspectUdpPush(datagram: Uint8Array): WspPushView {
  return viewWsp(decodeWspPush(datagram));
}

/** A SIP MESSAGE carrying a SIR or push content. Throws only DecodeError. */
export function inspectSipPush(raw: Uint8Array): SipPushView {
  const msg = parseSipMessage(raw);
  if (!isSipRequest(msg)) throw new DecodeError('a SIP response, not a request', 0);
  const contentType = (getHeader(msg, 'Content-Type') ?? 'application/octet-stream').split(';')[0].trim();
  const headers = msg.headers.map(({ name, value }) => ({ name, value }));
  return {
    sip: { method: msg.method, requestUri: msg.requestUri, headers },
    content: viewContent(contentType, msg.body, fieldRecord(headers), msg.requestUri),
  };
}

function viewWsp(push: DecodedWspPush): WspPushView {
  const headers = push.headers.map(({ name, value }) => ({ name, value: valueView(value) }));
  // Only application headers (text) can carry the identity fields (wsp-sir-push.ts).
  const textHeaders = push.headers.flatMap(({ name, value }) => (typeof value === 'string' ? [{ name, value }] : []));
  const wsp: WspView = {
    tid: push.tid,
    pduType: push.pduType,
    contentType: push.contentType.type,
    ...(push.contentType.params && Object.keys(push.contentType.params).length > 0 && { contentTypeParams: push.contentType.params }),
    ...(push.applicationId !== undefined && { applicationId: push.applicationId }),
    headers,
  };
  return { wsp, content: viewContent(push.contentType.type, push.body, fieldRecord(textHeaders)) };
}

function valueView(value: WspHeaderValue): string | number {
  return value instanceof Uint8Array ? toHex(value) : value;
}
