import { WbxmlCompileError, compileWbxml } from '@waken/bearer-wbxml';
import { encodeWspPush } from '@waken/bearer-wsp';
import { XmlError, parseXml } from '@waken/xml';
import { EncapsulationError } from './encapsulation.error';

/** Browser user agent: SI, SL and CO go here (wsp-wdp-sms.md §6, id 0x02). */
export const WML_UA_APPLICATION_ID = 'x-wap-application:wml.ua';

/** WBXML public id (si-sl-wbxml.md §1) → the binary content type of the compiled document. */
const BINARY_TYPE_BY_PUBLIC_ID: Readonly<Record<number, string>> = {
  0x05: 'application/vnd.wap.sic',
  0x06: 'application/vnd.wap.slc',
  0x07: 'application/vnd.wap.coc',
};
const BINARY_TYPES = new Set(Object.values(BINARY_TYPE_BY_PUBLIC_ID));
const TEXT_TYPES = new Set(['text/vnd.wap.si', 'text/vnd.wap.sl', 'text/vnd.wap.co']);

export interface PushContent {
  contentType: string;
  body: Uint8Array;
}

/**
 * SI/SL/CO source to the body a WAP push carries. Without a content type, or with a binary one
 * (sic/slc/coc), the XML is compiled to WBXML; a textual type keeps the (checked) XML; any other
 * type is refused, as XML content for it would be a guess.
 */
export function compilePushContent(xml: string, contentType?: string): PushContent {
  const type = contentType?.trim().toLowerCase();
  try {
    if (type !== undefined && TEXT_TYPES.has(type)) {
      parseXml(xml);
      return { contentType: type, body: new TextEncoder().encode(xml) };
    }
    if (type !== undefined && !BINARY_TYPES.has(type)) throw new EncapsulationError('bad-content', `no XML compiler for ${type}`);
    const body = compileWbxml(xml);
    const compiled = BINARY_TYPE_BY_PUBLIC_ID[body[1]];
    if (type !== undefined && type !== compiled) throw new EncapsulationError('bad-content', `the document is ${compiled}, not ${type}`);
    return { contentType: compiled, body };
  } catch (e) {
    if (e instanceof XmlError || e instanceof WbxmlCompileError) throw new EncapsulationError('bad-content', e.message);
    throw e;
  }
}

export interface ContentPushOptions {
  tid: number;
  /** Default wml.ua, the application SI/SL/CO are for. */
  applicationId?: string | number;
}

/** seed §S6 for bearers that carry push content itself: the content in a connectionless WSP Push. */
export function contentWspPush(content: PushContent, options: ContentPushOptions): Uint8Array {
  try {
    return encodeWspPush({
      tid: options.tid,
      pduType: 'push',
      contentType: { type: content.contentType },
      applicationId: options.applicationId ?? WML_UA_APPLICATION_ID,
      body: content.body,
    });
  } catch (e) {
    if (e instanceof RangeError) throw new EncapsulationError('bad-content', e.message);
    throw e;
  }
}
