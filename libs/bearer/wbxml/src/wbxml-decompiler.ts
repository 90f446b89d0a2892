import { ByteReader, DecodeError } from '@waken/wire';
import { XmlWriter, type XmlElement } from '@waken/xml';
import { StringTable } from './string-table';
import { WAP_PUSH_LANGUAGES } from './wap-push-languages';
import { WbxmlBodyReader } from './wbxml-body-reader';
import type { WbxmlLanguage } from './wbxml-language';

export interface DecompiledWbxml {
  /** Header version octet (0x02 = WBXML 1.2). */
  version: number;
  /** Formal public identifier, e.g. `-//WAPFORUM//DTD SI 1.0//EN`. */
  publicId: string;
  root: XmlElement;
  /** The document as XML with its standard DOCTYPE. */
  xml: string;
}

const UTF8_MIBENUM = 106;

/**
 * Decodes SI, SL or CO WBXML. Every length and offset is checked against the bytes present
 * before use, so nothing is allocated at a declared size (reliability.md (c) #29).
 * Throws only DecodeError.
 */
export function decompileWbxml(bytes: Uint8Array): DecompiledWbxml {
  const r: ByteReader = new ByteReader(bytes);
  const version = r.u8();
  if (version > 0x03) r.fail(`unsupported WBXML version 0x${version.toString(16)}`);
  const publicIdCode = r.uintvar();
  const publicIdIndex = publicIdCode === 0 ? r.uintvar() : undefined;
  const charset = r.uintvar();
  if (charset !== UTF8_MIBENUM) r.fail(`unsupported charset ${charset}`);
  const tableAt = r.offset;
  const table = new StringTable(r.bytes(r.uintvar()));
  const language = languageOf(publicIdCode, publicIdIndex === undefined ? undefined : table.stringAt(publicIdIndex, tableAt));
  if (!language) r.fail('unknown public identifier');
  const root = new WbxmlBodyReader(r, language, table).element();
  if (!r.done) r.fail('data after the root element');
  if (root.name !== language.root) r.fail(`root <${root.name}> is not <${language.root}>`);
  return { version, publicId: language.publicId, root, xml: toXml(language, root, r.offset) };
}

function languageOf(code: number, publicId: string | undefined): WbxmlLanguage | undefined {
  return WAP_PUSH_LANGUAGES.find((l) => (publicId === undefined ? l.publicIdCode === code : l.publicId === publicId));
}

function toXml(language: WbxmlLanguage, root: XmlElement, offset: number): string {
  try {
    return new XmlWriter()
      .declaration()
      .doctype({ name: language.root, publicId: language.publicId, systemId: language.systemId })
      .element(root)
      .toString();
  } catch (e) {
    // XmlWriter refuses characters XML cannot carry (e.g. a control character in STR_I).
    if (e instanceof RangeError) throw new DecodeError(e.message, offset);
    throw e;
  }
}
