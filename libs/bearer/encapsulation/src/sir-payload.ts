import type { SirComposedV1, SirDocument } from '@waken/contracts';
import {
  DEVICE_ID_HEADER,
  SirFormatError,
  decodeSia,
  encodeSia,
  encodeSirJson,
  formatHeaderValue,
  ipv4ContactPoint,
  parseHeaderValue,
  placeIdentity,
  type PlacedSir,
  type ReceivedSir,
  type SiaContactPoint,
} from '@waken/sir-domain';
import { DecodeError } from '@waken/wire';
import { EncapsulationError } from './encapsulation.error';

/**
 * claim 2 "value field" on a carrier whose SIR body has a fixed schema (JSON or SIA): the
 * `{kind, value}` field travels as its own field beside the body, `X-Waken-Device-Value`.
 */
export const DEVICE_VALUE_HEADER = 'X-Waken-Device-Value';

/** One SIR, laid out once (seed §S5 placement), in both of its body encodings (seed §S6). */
export interface SirPayload {
  /** The full signed document. */
  sir: SirDocument;
  placed: PlacedSir;
  /** `X-Waken-Device-Id` (header placement) and `X-Waken-Device-Value` (value placement). */
  identityFields: Record<string, string>;
  /** `application/vnd.waken.sir+json` of the placed body. */
  json: Uint8Array;
  /** `application/vnd.wap.sia` of the placed body. */
  sia: Uint8Array;
}

/** Lays out a SIR; the contact points are where the woken terminal connects (WAP-235 SIA). */
export function sirPayload(sir: SirDocument, contactPoints: readonly SiaContactPoint[]): SirPayload {
  try {
    const placed = placeIdentity(sir);
    const identityFields: Record<string, string> = { ...placed.headers };
    if (placed.valueField) identityFields[DEVICE_VALUE_HEADER] = formatHeaderValue(placed.valueField);
    return { sir, placed, identityFields, json: encodeSirJson(placed.body), sia: encodeSia(placed.body, { contactPoints }) };
  } catch (e) {
    if (!(e instanceof SirFormatError)) throw e;
    const unsafe = /control character/.test(e.message);
    throw new EncapsulationError(unsafe ? 'unsafe-text' : 'bad-sir', e.message);
  }
}

/**
 * The composer already chose the contact points; they are read back from its SIA. A SIA that does
 * not decode (e.g. a hand-written event) falls back to the SIR's own PPG address.
 */
export function sirPayloadFromComposed(composed: Pick<SirComposedV1, 'sir' | 'siaBase64'>): SirPayload {
  return sirPayload(composed.sir, contactPointsOf(composed.siaBase64) ?? [ppgContactPoint(composed.sir.ppgAddress)]);
}

export function contactPointsOf(siaBase64: string): SiaContactPoint[] | undefined {
  try {
    return decodeSia(Buffer.from(siaBase64, 'base64')).contactPoints;
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    return undefined;
  }
}

/** `sip:ppg@192.0.2.1:5070` → an IPv4 contact point 192.0.2.1:5070 (port 5060 when absent). */
export function ppgContactPoint(ppgAddress: string): SiaContactPoint {
  const m = /^sips?:(?:[^@]*@)?(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?(?:[;?].*)?$/.exec(ppgAddress);
  const port = m?.[2] === undefined ? 5060 : Number(m[2]);
  if (!m || port > 65535) throw new EncapsulationError('bad-sir', `no IPv4 contact point in the PPG address ${JSON.stringify(ppgAddress.slice(0, 80))}`);
  try {
    return ipv4ContactPoint(m[1], port);
  } catch (e) {
    if (!(e instanceof SirFormatError)) throw e;
    throw new EncapsulationError('bad-sir', e.message);
  }
}

/**
 * The receiving side (seed §C1): header fields, request URI and decoded body as `extractIdentity`
 * of `@waken/sir-domain` wants them, with the value field read back from its own field.
 */
export function receivedSir(fields: Record<string, string>, body: SirDocument, requestUri?: string): ReceivedSir {
  const headers: Record<string, string> = Object.create(null);
  let valueField: ReceivedSir['valueField'];
  for (const [name, value] of Object.entries(fields)) {
    if (name.toLowerCase() === DEVICE_VALUE_HEADER.toLowerCase()) valueField = parseHeaderValue(value);
    else headers[name] = value;
  }
  return { headers, body, ...(requestUri !== undefined && { requestUri }), ...(valueField && { valueField }) };
}

export { DEVICE_ID_HEADER };
