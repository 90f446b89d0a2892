import { WSP_APPLICATION_IDS } from './wsp-application-ids';
import { HEADER, WSP_HEADER_NAMES } from './wsp-header-names';
import type { WspHeader, WspHeaderValue } from './wsp-push';
import { WspValueReader } from './wsp-value-reader';
import { WspValueWriter } from './wsp-value-writer';

const APPLICATION_ID_HEADERS = new Set<number>([HEADER.applicationId, HEADER.acceptApplication]);
const URI_HEADERS = new Set<number>([HEADER.contentUri, HEADER.initiatorUri]);

/**
 * One header: a well-known name is `0x80 | code` with a typed value; anything else is an
 * Application-header, Token-text name + Text-string value (WAP-230 §8.4.2.6).
 */
export function writeHeader(w: WspValueWriter, { name, value }: WspHeader): void {
  const code = WSP_HEADER_NAMES.code(name);
  if (code === undefined) {
    if (value instanceof Uint8Array) throw new RangeError(`application header ${name} needs a text value`);
    w.tokenText(name).textString(String(value));
    return;
  }
  w.shortInteger(code);
  if (APPLICATION_ID_HEADERS.has(code)) writeApplicationId(w, asApplicationId(value));
  else if (code === HEADER.bearerIndication && typeof value === 'number') w.integerValue(value);
  else if (code === HEADER.encodingVersion && typeof value === 'string') writeVersion(w, value);
  else writeGenericValue(w, value);
}

export function readHeader(r: WspValueReader): WspHeader {
  const first = r.peek();
  if (first >= 0x20 && first < 0x7f) return { name: r.textString(), value: r.textString() };
  // 0x00-0x1F and 0x7F switch header code pages (WAP-230 §8.4.2.6); only page 1 is defined.
  if (first < 0x80) r.fail('header code page shifts are not supported');
  const code = r.shortInteger();
  const name = WSP_HEADER_NAMES.name(code);
  if (name === undefined) r.fail(`unassigned header code 0x${code.toString(16)}`);
  return { name, value: readHeaderValue(r, code) };
}

/** X-Wap-Application-Id: Short/Long-integer for registered ids, else the URI as text (§6). */
export function writeApplicationId(w: WspValueWriter, id: string | number): void {
  const code = typeof id === 'number' ? id : WSP_APPLICATION_IDS.code(id);
  if (code === undefined) w.textString(String(id));
  else w.integerValue(code);
}

export function readApplicationId(r: WspValueReader): string | number {
  const first = r.peek();
  if (first >= 0x20 && first < 0x80) return r.textString();
  const code = r.integerValue();
  return WSP_APPLICATION_IDS.name(code) ?? code;
}

function readHeaderValue(r: WspValueReader, code: number): WspHeaderValue {
  const first = r.peek();
  if (APPLICATION_ID_HEADERS.has(code)) return readApplicationId(r);
  if (URI_HEADERS.has(code)) return r.textString();
  if (code === HEADER.bearerIndication && first !== 0x1f && first !== 0) return r.integerValue();
  if (code === HEADER.encodingVersion && first >= 0x80) return readVersion(r.shortInteger());
  return readGenericValue(r);
}

function asApplicationId(value: WspHeaderValue): string | number {
  if (value instanceof Uint8Array) throw new RangeError('an application id is a URI or a number');
  return value;
}

/** Version-value as a Short-integer: major in bits 6-4, minor in bits 3-0, 15 = no minor. */
function writeVersion(w: WspValueWriter, version: string): void {
  const match = /^([1-7])(?:\.(\d|1[0-4]))?$/.exec(version);
  if (!match) w.textString(version);
  else w.shortInteger((Number(match[1]) << 4) | (match[2] === undefined ? 15 : Number(match[2])));
}

function readVersion(value: number): string {
  const minor = value & 0x0f;
  return minor === 15 ? `${value >> 4}` : `${value >> 4}.${minor}`;
}

/** Untyped values: Short-integer, Text-string, or Value-length-prefixed bytes. */
function writeGenericValue(w: WspValueWriter, value: WspHeaderValue): void {
  if (typeof value === 'string') w.textString(value);
  else if (typeof value === 'number') w.shortInteger(value);
  else if (value.length === 0) throw new RangeError('an empty raw value is not encodable; use an empty string');
  else w.lengthPrefixed(value);
}

function readGenericValue(r: WspValueReader): WspHeaderValue {
  const first = r.peek();
  if (first >= 0x80) return r.shortInteger();
  if (first === 0) {
    r.u8();
    return '';
  }
  if (first <= 0x1f) return r.lengthPrefixed().rest().slice();
  return r.textString();
}
