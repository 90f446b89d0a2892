import { ByteReader, DecodeError } from '@waken/wire';
import type { XmlElement } from '@waken/xml';
import { decodeOpaqueDate } from './opaque-date';
import type { StringTable } from './string-table';
import { GLOBAL, TAG_HAS_ATTRIBUTES, TAG_HAS_CONTENT, type WbxmlLanguage } from './wbxml-language';

const MAX_DEPTH = 32;
// STR_T can name one long table entry many times; cap what the decoded document may grow to.
const MAX_OUTPUT_CHARS = 1024 * 1024;
const XML_NAME = /^[A-Za-z_][-A-Za-z0-9._]*$/;

/** Reads the WBXML body (element, attributes, content) of one known language, code page 0 only. */
export class WbxmlBodyReader {
  private readonly tagNames: Map<number, string>;
  private output = 0;

  constructor(
    private readonly r: ByteReader,
    private readonly language: WbxmlLanguage,
    private readonly table: StringTable,
  ) {
    this.tagNames = new Map([...language.tags].map(([name, token]) => [token, name]));
  }

  element(depth = 0): XmlElement {
    if (depth >= MAX_DEPTH) this.r.fail(`elements nested deeper than ${MAX_DEPTH}`);
    const token = this.skipPageSwitches();
    const id = token & 0x3f;
    const name = id === GLOBAL.literal ? this.literalName() : this.tagNames.get(id);
    if (name === undefined) this.r.fail(`unknown tag token 0x${token.toString(16)}`);
    const element: XmlElement = { name, attributes: {}, children: [], text: '' };
    if (token & TAG_HAS_ATTRIBUTES) element.attributes = this.attributes();
    if (token & TAG_HAS_CONTENT) this.content(element, depth);
    return element;
  }

  private content(element: XmlElement, depth: number): void {
    for (;;) {
      const token = this.r.peek();
      if (token === GLOBAL.end) {
        this.r.u8();
        return;
      }
      if (token === GLOBAL.switchPage) {
        this.r.u8();
        this.page();
      } else if (isText(token)) {
        this.r.u8();
        element.text += this.count(this.readText(token));
      } else {
        element.children.push(this.element(depth + 1));
      }
    }
  }

  private attributes(): Record<string, string> {
    const attributes = new Map<string, string>();
    let token = this.skipPageSwitches();
    while (token !== GLOBAL.end) {
      const { name, prefix } = this.attributeStart(token);
      let value = prefix;
      for (token = this.skipPageSwitches(); ; token = this.skipPageSwitches()) {
        const part = this.attributeValuePart(token, name);
        if (part === undefined) break;
        value += this.count(part);
      }
      if (attributes.has(name)) this.r.fail(`duplicate attribute ${name}`);
      attributes.set(name, value);
    }
    return Object.fromEntries(attributes);
  }

  private attributeStart(token: number): { name: string; prefix: string } {
    if (token === GLOBAL.literal) return { name: this.literalName(), prefix: '' };
    const start = this.language.attributeStarts.find((s) => s.token === token);
    if (!start) this.r.fail(`unknown attribute token 0x${token.toString(16)}`);
    return start;
  }

  /** One piece of an attribute value, or undefined when `token` starts the next attribute or END. */
  private attributeValuePart(token: number, name: string): string | undefined {
    if (token === GLOBAL.opaque) {
      if (!this.language.dates.has(name)) this.r.fail(`OPAQUE value for ${name}`);
      const at = this.r.offset;
      return decodeOpaqueDate(this.r.bytes(this.r.uintvar()), at);
    }
    if (isText(token)) return this.readText(token);
    if (token < 0x80) return undefined;
    const value = this.language.attributeValues.get(token);
    if (value === undefined) this.r.fail(`unknown attribute value token 0x${token.toString(16)}`);
    return value;
  }

  /** The operand of a STR_I, STR_T or ENTITY token that has just been read. */
  private readText(token: number): string {
    if (token === GLOBAL.strI) return this.r.cString();
    const at = this.r.offset;
    const value = this.r.uintvar();
    if (token === GLOBAL.strT) return this.table.stringAt(value, at);
    if (value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) this.r.fail(`ENTITY ${value} is not a character`);
    return String.fromCodePoint(value);
  }

  private literalName(): string {
    const at = this.r.offset;
    const name = this.table.stringAt(this.r.uintvar(), at);
    if (!XML_NAME.test(name)) this.r.fail(`LITERAL name ${JSON.stringify(name)} is not an XML name`);
    return name;
  }

  /** Reads the next token, skipping SWITCH_PAGE 0; SI, SL and CO define no other code page. */
  private skipPageSwitches(): number {
    let token = this.r.u8();
    while (token === GLOBAL.switchPage) {
      this.page();
      token = this.r.u8();
    }
    return token;
  }

  private page(): void {
    const page = this.r.u8();
    if (page !== 0) this.r.fail(`unknown code page ${page}`);
  }

  private count(text: string): string {
    this.output += text.length;
    if (this.output > MAX_OUTPUT_CHARS) throw new DecodeError('decoded document too large', this.r.offset);
    return text;
  }
}

function isText(token: number): boolean {
  return token === GLOBAL.strI || token === GLOBAL.strT || token === GLOBAL.entity;
}
