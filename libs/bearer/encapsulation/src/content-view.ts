import { decompileWbxml } from '@waken/bearer-wbxml';
import type { SirDocument } from '@waken/contracts';
import { SIA_MEDIA_TYPE, SIR_JSON_MEDIA_TYPE, decodeSia, decodeSirJson, extractIdentity, type SiaContactPoint } from '@waken/sir-domain';
import { DecodeError, toHex, utf8 } from '@waken/wire';
import { receivedSir } from './sir-payload';

export interface ContactPointView {
  bearerType?: number;
  port?: number;
  /** Dotted quad for IPv4 (bearer 0x00), hex otherwise. */
  address: string;
}

/** What a received push carries, in JSON-friendly form (the terminal side of seed §S6, §C1). */
export type ContentView =
  | { kind: 'wbxml'; contentType: string; publicId: string; xml: string }
  | { kind: 'xml'; contentType: string; xml: string }
  | {
      kind: 'sir';
      contentType: string;
      /** The document with its device identity put back from wherever it was placed (claim 2). */
      sir: SirDocument;
      identityFoundIn: string[];
      applicationIds?: string[];
      contactPoints?: ContactPointView[];
    }
  | { kind: 'opaque'; contentType: string; hex: string };

const WBXML_TYPES = new Set(['application/vnd.wap.sic', 'application/vnd.wap.slc', 'application/vnd.wap.coc']);
const XML_TYPES = new Set(['text/vnd.wap.si', 'text/vnd.wap.sl', 'text/vnd.wap.co']);

/**
 * Decodes a push body by its content type. `fields` are the carrier's header fields (SIP or WSP),
 * where a header- or value-placed identity travels. Throws only DecodeError.
 */
export function viewContent(contentType: string, body: Uint8Array, fields: Record<string, string>, requestUri?: string): ContentView {
  const type = contentType.toLowerCase();
  if (WBXML_TYPES.has(type)) {
    const { publicId, xml } = decompileWbxml(body);
    return { kind: 'wbxml', contentType: type, publicId, xml };
  }
  if (XML_TYPES.has(type)) return { kind: 'xml', contentType: type, xml: utf8(body) };
  if (type === SIA_MEDIA_TYPE) {
    const sia = decodeSia(body);
    const restored = extractIdentity(receivedSir(fields, sia.sir, requestUri));
    return { kind: 'sir', contentType: type, sir: restored.sir, identityFoundIn: restored.foundIn, applicationIds: sia.applicationIds, contactPoints: sia.contactPoints.map(contactPointView) };
  }
  if (type === SIR_JSON_MEDIA_TYPE) {
    const restored = extractIdentity(receivedSir(fields, decodeSirJson(body), requestUri));
    return { kind: 'sir', contentType: type, sir: restored.sir, identityFoundIn: restored.foundIn };
  }
  return { kind: 'opaque', contentType: type, hex: toHex(body) };
}

export function contactPointView(cp: SiaContactPoint): ContactPointView {
  const ipv4 = cp.bearerType === 0x00 && cp.address.length === 4;
  return {
    ...(cp.bearerType !== undefined && { bearerType: cp.bearerType }),
    ...(cp.port !== undefined && { port: cp.port }),
    address: ipv4 ? Array.from(cp.address).join('.') : toHex(cp.address),
  };
}

/** Header fields as a record, refusing a repeated identity field (two devices in one SIR). */
export function fieldRecord(headers: ReadonlyArray<{ name: string; value: string }>): Record<string, string> {
  const fields: Record<string, string> = Object.create(null);
  const seen = new Set<string>();
  for (const { name, value } of headers) {
    const lower = name.toLowerCase();
    if (seen.has(lower) && lower.startsWith('x-waken-device-')) throw new DecodeError(`${name} appears more than once`, 0);
    seen.add(lower);
    if (!(name in fields)) fields[name] = value;
  }
  return fields;
}
