import { ByteWriter } from '@waken/wire';
import { parseXml, type XmlDocument, type XmlElement } from '@waken/xml';
import { encodeOpaqueDate } from './opaque-date';
import { CO_LANGUAGE, SI_LANGUAGE, SL_LANGUAGE, WAP_PUSH_LANGUAGES } from './wap-push-languages';
import { WbxmlCompileError } from './wbxml-compile-error';
import { GLOBAL, TAG_HAS_ATTRIBUTES, TAG_HAS_CONTENT, type AttributeStart, type WbxmlLanguage } from './wbxml-language';

export interface WbxmlCompileOptions {
  /** Header version octet: 0x02 = WBXML 1.2 (the verified example), 0x03 = 1.3. */
  version?: 0x02 | 0x03;
}

const UTF8_MIBENUM = 106;
const utf8 = new TextEncoder();

/**
 * Compiles SI 1.0, SL 1.0 or CO 1.0 XML to WBXML, choosing the language from the DOCTYPE public
 * id or else the root element. Throws XmlError for unsafe/ill-formed XML, WbxmlCompileError else.
 */
export function compileWbxml(xml: string, options: WbxmlCompileOptions = {}): Uint8Array {
  const doc = parseXml(xml);
  return compileDocument(doc, languageOf(doc), options);
}

export function compileSi(xml: string, options: WbxmlCompileOptions = {}): Uint8Array {
  return compileDocument(parseXml(xml), SI_LANGUAGE, options);
}

export function compileSl(xml: string, options: WbxmlCompileOptions = {}): Uint8Array {
  return compileDocument(parseXml(xml), SL_LANGUAGE, options);
}

export function compileCo(xml: string, options: WbxmlCompileOptions = {}): Uint8Array {
  return compileDocument(parseXml(xml), CO_LANGUAGE, options);
}

function languageOf(doc: XmlDocument): WbxmlLanguage {
  const publicId = doc.doctype?.publicId;
  const language = WAP_PUSH_LANGUAGES.find((l) => (publicId === undefined ? l.root === doc.root.name : l.publicId === publicId));
  if (!language) throw new WbxmlCompileError('unsupported-document', `not SI, SL or CO: ${publicId ?? doc.root.name}`);
  return language;
}

function compileDocument(doc: XmlDocument, language: WbxmlLanguage, options: WbxmlCompileOptions): Uint8Array {
  const publicId = doc.doctype?.publicId;
  if ((publicId !== undefined && publicId !== language.publicId) || doc.root.name !== language.root) {
    throw new WbxmlCompileError('unsupported-document', `expected a ${language.root} document`);
  }
  // Header: version, public id, charset (UTF-8), empty string table (si-sl-wbxml.md §1).
  const w = new ByteWriter().u8(options.version ?? 0x02).uintvar(language.publicIdCode).uintvar(UTF8_MIBENUM).uintvar(0);
  writeElement(w, doc.root, language);
  return w.toBytes();
}

function writeElement(w: ByteWriter, element: XmlElement, language: WbxmlLanguage): void {
  const token = language.tags.get(element.name);
  if (token === undefined) throw new WbxmlCompileError('unknown-element', `<${element.name}> is not in ${language.root}`);
  const text = normaliseText(element.text);
  const attributes = Object.entries(element.attributes);
  const hasContent = text !== '' || element.children.length > 0;
  w.u8(token | (attributes.length > 0 ? TAG_HAS_ATTRIBUTES : 0) | (hasContent ? TAG_HAS_CONTENT : 0));
  if (attributes.length > 0) {
    for (const [name, value] of attributes) writeAttribute(w, name, value, language);
    w.u8(GLOBAL.end);
  }
  if (!hasContent) return;
  if (text !== '') writeInline(w, text);
  for (const child of element.children) writeElement(w, child, language);
  w.u8(GLOBAL.end);
}

/** Display text: whitespace runs become one space, ends trimmed; whitespace-only text is dropped. */
function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function writeAttribute(w: ByteWriter, name: string, value: string, language: WbxmlLanguage): void {
  const start = longestStart(name, value, language);
  w.u8(start.token);
  const rest = value.slice(start.prefix.length);
  if (language.dates.has(name)) {
    const octets = encodeOpaqueDate(value);
    w.u8(GLOBAL.opaque).uintvar(octets.length).bytes(octets);
  } else if (rest !== '') {
    writeValue(w, rest, language);
  }
}

/** si-sl-wbxml.md §2: try the longest prefix first (`https://www.` before `https://`). */
function longestStart(name: string, value: string, language: WbxmlLanguage): AttributeStart {
  let best: AttributeStart | undefined;
  for (const start of language.attributeStarts) {
    if (start.name !== name || !value.startsWith(start.prefix)) continue;
    if (!best || start.prefix.length > best.prefix.length) best = start;
  }
  if (!best) throw new WbxmlCompileError('unknown-attribute', `${name} is not an attribute in ${language.root}`);
  if (language.enumerated.has(name) && best.prefix !== value) {
    throw new WbxmlCompileError('invalid-value', `${name}="${value}" is not allowed`);
  }
  return best;
}

/** Inline strings split around the attribute-value tokens (`.com/`, `.org/` …). */
function writeValue(w: ByteWriter, value: string, language: WbxmlLanguage): void {
  let pending = '';
  for (let i = 0; i < value.length; ) {
    const hit = [...language.attributeValues].find(([, text]) => value.startsWith(text, i));
    if (!hit) {
      pending += value[i++];
      continue;
    }
    if (pending !== '') writeInline(w, pending);
    pending = '';
    w.u8(hit[0]);
    i += hit[1].length;
  }
  if (pending !== '') writeInline(w, pending);
}

function writeInline(w: ByteWriter, text: string): void {
  w.u8(GLOBAL.strI).bytes(utf8.encode(text)).u8(0);
}
