import { parseXml, XmlElement, XmlError } from '@waken/xml';
import { ContentPolicyError } from './content-policy-error';

export interface ContentPolicyOptions {
  /** The PI is on the trusted list for this content type (reliability.md (d) "Device/user"). */
  readonly trusted: boolean;
}

/** Textual SI, SL and CO (si-sl-wbxml.md): the vocabularies that make a phone open a URL. */
const TEXT_TYPES: Record<string, 'si' | 'sl' | 'co'> = {
  'text/vnd.wap.si': 'si',
  'text/vnd.wap.sl': 'sl',
  'text/vnd.wap.co': 'co',
};
/** Their WBXML forms: we cannot look inside here, so only trusted PIs may send them. */
const BINARY_TYPES = new Set(['application/vnd.wap.sic', 'application/vnd.wap.slc', 'application/vnd.wap.coc']);
const ALLOWED_SCHEMES = new Set(['http:', 'https:']);
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** SI/SL/CO are tiny: one indication, one sl, a few invalidations. */
const CONTENT_XML_LIMITS = { maxBytes: 64 * 1024, maxDepth: 8, maxElements: 256 };

/**
 * Checks push content before it is accepted (reliability.md #15): SI/SL/CO links must be
 * http(s) (no tel:, javascript:, file:), SL `execute-high` (open without asking) only from a
 * trusted PI. Other content types pass through. Throws only ContentPolicyError.
 */
export function checkPushContent(mediaType: string, body: Buffer, options: ContentPolicyOptions): void {
  const type = mediaType.toLowerCase();
  if (BINARY_TYPES.has(type)) {
    if (!options.trusted) throw new ContentPolicyError('binary-not-inspectable', `${type} only from a trusted PI`);
    return;
  }
  const vocabulary = TEXT_TYPES[type];
  if (!vocabulary) return;
  const root = parseContent(body);
  if (root.name !== vocabulary) throw new ContentPolicyError('wrong-root', `<${root.name.slice(0, 40)}> in ${type}`);
  if (vocabulary === 'si') checkSi(root);
  else if (vocabulary === 'sl') checkSl(root, options);
  else checkCo(root);
}

function parseContent(body: Buffer): XmlElement {
  let text: string;
  try {
    text = UTF8.decode(body);
  } catch {
    throw new ContentPolicyError('invalid-utf8', 'content is not UTF-8');
  }
  try {
    return parseXml(text, CONTENT_XML_LIMITS).root;
  } catch (e) {
    if (e instanceof XmlError) throw new ContentPolicyError('unparseable', e.message);
    throw e;
  }
}

/** SI 1.0: `<si><indication href="..." action="...">`; href is optional. */
function checkSi(si: XmlElement): void {
  for (const indication of si.children.filter((c) => c.name === 'indication')) {
    const href = indication.attributes['href'];
    if (href !== undefined) checkUrl(href, 'href');
  }
}

/** SL 1.0: `<sl href="..." action="execute-low|execute-high|cache"/>`; href is required. */
function checkSl(sl: XmlElement, options: ContentPolicyOptions): void {
  const href = sl.attributes['href'];
  if (href === undefined) throw new ContentPolicyError('missing-href', 'SL without href');
  checkUrl(href, 'href');
  if (sl.attributes['action'] === 'execute-high' && !options.trusted) {
    throw new ContentPolicyError('execute-high-untrusted', 'SL execute-high only from a trusted PI');
  }
}

/** CO 1.0: `<co><invalidate-object uri="..."/><invalidate-service uri="..."/></co>`. */
function checkCo(co: XmlElement): void {
  for (const child of co.children) {
    const uri = child.attributes['uri'];
    if (uri !== undefined) checkUrl(uri, 'uri');
  }
}

function checkUrl(value: string, attribute: string): void {
  let url: URL | undefined;
  try {
    // printable ASCII only: the WHATWG parser would strip spaces/controls a phone may not
    url = /^[\x21-\x7e]{1,1024}$/.test(value) ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || !ALLOWED_SCHEMES.has(url.protocol) || url.hostname === '') {
    throw new ContentPolicyError('scheme-not-allowed', `${attribute} must be an http or https URL`);
  }
}
