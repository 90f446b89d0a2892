import { XmlAttributeValues, XmlWriter } from '@waken/xml';
import type { PapQualityOfService } from './pap-document.model';
import type { PapResult, PapSender, PapTime } from './pap-response.model';
import { resolvePapStatus } from './pap-status';
import { formatPapTimestamp, parsePapTimestamp } from './pap-timestamp';
import { DEFAULT_PAP_VERSION, papDoctype, papVersionSubset, PapVersion } from './pap-version';

export interface PapWriteOptions {
  /** Answer in the version the PI used (PapDocument.version, PapError.version). */
  readonly version?: PapVersion;
  /** Announce our versions in `<?wap-pap-ver supported-versions="..."?>` (pap.md §2). */
  readonly supportedVersions?: readonly string[];
  readonly productName?: string;
}

/** `<?xml?>`, the DOCTYPE of the version, `<pap>`, the operation, `</pap>`. */
export function writePap(options: PapWriteOptions, body: (w: XmlWriter) => void): string {
  const subset = options.supportedVersions && papVersionSubset(options.supportedVersions);
  const w = new XmlWriter().declaration().doctype(papDoctype(options.version ?? DEFAULT_PAP_VERSION, subset));
  w.start('pap', { 'product-name': options.productName });
  body(w);
  return w.end().toString();
}

/** code and desc attributes; desc defaults to the status name. */
export function resultAttributes(result: PapResult): XmlAttributeValues {
  const status = resolvePapStatus(result.code);
  if (!status || !Number.isInteger(result.code)) throw new RangeError(`not a PAP status code: ${result.code}`);
  return { code: result.code, desc: result.desc ?? status.name };
}

export function senderAttributes(sender: PapSender): XmlAttributeValues {
  return {
    'sender-address': sender.senderAddress,
    'sender-name': sender.senderName,
    'reply-time': time(sender.replyTime),
  };
}

export function time(value: PapTime | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') return formatPapTimestamp(value);
  if (parsePapTimestamp(value) === undefined) throw new RangeError(`not a PAP timestamp: ${value}`);
  return value;
}

export function writeAddresses(w: XmlWriter, addressValues: readonly string[] | undefined): void {
  for (const value of addressValues ?? []) w.leaf('address', { 'address-value': value });
}

export function writeQos(w: XmlWriter, qos: PapQualityOfService | undefined): void {
  if (!qos) return;
  w.leaf('quality-of-service', {
    priority: qos.priority,
    'delivery-method': qos.deliveryMethod,
    network: qos.network,
    'network-required': qos.network === undefined && !qos.networkRequired ? undefined : String(qos.networkRequired),
    bearer: qos.bearer,
    'bearer-required': qos.bearer === undefined && !qos.bearerRequired ? undefined : String(qos.bearerRequired),
  });
}

/** XML 1.0 §2.2 Char, for one UTF-16 code unit at `i` (surrogates must pair). */
function isXmlChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 0x20) return c === 0x09 || c === 0x0a || c === 0x0d;
  if (c >= 0xd800 && c <= 0xdbff) return i + 1 < text.length && isLowSurrogate(text.charCodeAt(i + 1));
  if (isLowSurrogate(c)) return i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff;
  return c < 0xfffe;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Replaces what XML cannot carry with U+FFFD, for text we echo rather than own. */
export function xmlSafe(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += isXmlChar(text, i) ? text[i] : '\uFFFD';
  return out;
}
