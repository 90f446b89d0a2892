export type WspPduType = 'push' | 'confirmed-push';

/** WAP-230 §8.2.1 PDU type octets (wsp-wdp-sms.md §4). */
export const WSP_PDU_TYPE: Readonly<Record<WspPduType, number>> = { push: 0x06, 'confirmed-push': 0x07 };

export interface WspContentType {
  /** Media type, e.g. `application/vnd.wap.sic`. */
  type: string;
  /** Parameter names are lower-case tokens; `charset` may be a name (`utf-8`) or an IANA MIBenum. */
  params?: Record<string, string | number>;
}

/** A number is a Short-integer (0..127), bytes are a raw Value-length-prefixed value. */
export type WspHeaderValue = string | number | Uint8Array;

export interface WspHeader {
  name: string;
  value: WspHeaderValue;
}

export interface WspPush {
  /** Transaction id, present in connectionless mode only (wsp-wdp-sms.md §4). */
  tid: number;
  pduType: WspPduType;
  contentType: WspContentType;
  /** `x-wap-application:push.sia`, a registered number, or any URI (seed §S6). */
  applicationId?: string | number;
  headers?: WspHeader[];
  body: Uint8Array;
}

export interface DecodedWspPush extends WspPush {
  /** Every header after Content-Type except the first X-Wap-Application-Id, which is `applicationId`. */
  headers: WspHeader[];
}
