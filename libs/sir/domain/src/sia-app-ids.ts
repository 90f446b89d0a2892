import { ByteReader, ByteWriter } from '@waken/wire';
import { SirFormatError } from './sir-format.error';
import { hasControlCharacter } from './text-safety';

/** WSP well-known header X-Wap-Application-Id, code 0x2F (wsp-wdp-sms.md §6). */
export const X_WAP_APPLICATION_ID = 0xaf;

/** OMNA push application ids (wsp-wdp-sms.md §6); 0x01 is push.sia, the SIR's own target. */
const WELL_KNOWN_APP_IDS: ReadonlyMap<number, string> = new Map([
  [0x00, 'x-wap-application:*'],
  [0x01, 'x-wap-application:push.sia'],
  [0x02, 'x-wap-application:wml.ua'],
  [0x03, 'x-wap-application:wta.ua'],
  [0x04, 'x-wap-application:mms.ua'],
  [0x05, 'x-wap-application:push.syncml'],
  [0x06, 'x-wap-application:loc.ua'],
  [0x07, 'x-wap-application:syncml.dm'],
  [0x08, 'x-wap-application:drm.ua'],
  [0x09, 'x-wap-application:emn.ua'],
  [0x0a, 'x-wap-application:wv.ua'],
]);
const CODE_BY_NAME = new Map([...WELL_KNOWN_APP_IDS].map(([code, name]) => [name, code]));

const MAX_APP_ID = 200; // SirDocument.applicationId maxLength
const TEXT_QUOTE = 0x7f;

/**
 * One AppIdList entry: the X-Wap-Application-Id header field, name octet then value
 * (wsp-wdp-sms.md §6: Short-integer for well-known ids, otherwise Text-string; WAP-230 §8.4.2.1).
 * Only printable text is accepted: octets 0x00-0x1F would be read as a Value-length.
 */
export function writeAppIdEntry(w: ByteWriter, applicationId: string): void {
  const code = CODE_BY_NAME.get(applicationId);
  w.u8(X_WAP_APPLICATION_ID);
  if (code !== undefined) {
    w.u8(0x80 | code);
    return;
  }
  if (applicationId.length === 0 || hasControlCharacter(applicationId)) {
    throw new SirFormatError('application id must be non-empty printable text for the SIA AppIdList');
  }
  if (applicationId.charCodeAt(0) >= 0x80) w.u8(TEXT_QUOTE);
  w.cString(applicationId);
}

/** Reads one AppIdList entry; DecodeError for anything but a well-known code or text. */
export function readAppIdEntry(r: ByteReader): string {
  if (r.u8() !== X_WAP_APPLICATION_ID) r.fail('AppIdList entry is not an X-Wap-Application-Id header');
  const first = r.peek();
  if (first >= 0x80) {
    r.u8();
    const name = WELL_KNOWN_APP_IDS.get(first & 0x7f);
    return name ?? r.fail(`unknown well-known application id 0x${(first & 0x7f).toString(16)}`);
  }
  if (first < 0x20) r.fail('application id in general or long-integer form is not supported');
  if (first === TEXT_QUOTE) r.u8();
  const text = r.cString(MAX_APP_ID * 4);
  if (text.length === 0 || hasControlCharacter(text)) r.fail('application id is not printable text');
  if ((first === TEXT_QUOTE) !== text.charCodeAt(0) >= 0x80) r.fail('text quote does not match the first character');
  return text;
}
