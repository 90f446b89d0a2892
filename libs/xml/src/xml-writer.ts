import type { XmlDoctype, XmlElement } from './xml-document';
import { escapeXml, escapeXmlText } from './xml-escape';

export type XmlAttributeValues = Record<string, string | number | undefined>;

// The ASCII subset of XML 1.0 Name: enough for every vocabulary Waken writes (PAP, SI, SL, CO).
const NAME = /^[A-Za-z_:][-A-Za-z0-9._:]*$/;

/** Builds a document as a string; every name is checked and every value escaped. */
export class XmlWriter {
  private readonly parts: string[] = [];
  private readonly openNames: string[] = [];

  declaration(encoding = 'UTF-8'): this {
    this.parts.push(`<?xml version="1.0" encoding="${escapeXml(encoding)}"?>\n`);
    return this;
  }

  doctype({ name, publicId, systemId, internalSubset }: XmlDoctype): this {
    let text = `<!DOCTYPE ${checkName(name)}`;
    if (publicId !== undefined) text += ` PUBLIC ${literal(publicId)}${systemId === undefined ? '' : ` ${literal(systemId)}`}`;
    else if (systemId !== undefined) text += ` SYSTEM ${literal(systemId)}`;
    if (internalSubset !== undefined) text += ` [${internalSubset}]`;
    this.parts.push(`${text}>\n`);
    return this;
  }

  start(name: string, attributes: XmlAttributeValues = {}): this {
    this.parts.push(`<${checkName(name)}${formatAttributes(attributes)}>`);
    this.openNames.push(name);
    return this;
  }

  text(value: string): this {
    this.parts.push(escapeXmlText(value));
    return this;
  }

  end(): this {
    const name = this.openNames.pop();
    if (name === undefined) throw new RangeError('no element is open');
    this.parts.push(`</${name}>`);
    return this;
  }

  /** `<name a="1"/>`, or `<name a="1">text</name>` when text is given. */
  leaf(name: string, attributes: XmlAttributeValues = {}, text?: string): this {
    if (text === undefined || text === '') {
      this.parts.push(`<${checkName(name)}${formatAttributes(attributes)}/>`);
      return this;
    }
    return this.start(name, attributes).text(text).end();
  }

  /** Writes a parsed element back out: its text first, then its children. */
  element(element: XmlElement): this {
    if (element.children.length === 0) return this.leaf(element.name, element.attributes, element.text);
    this.start(element.name, element.attributes);
    if (element.text !== '') this.text(element.text);
    for (const child of element.children) this.element(child);
    return this.end();
  }

  toString(): string {
    if (this.openNames.length > 0) throw new RangeError(`unclosed element ${this.openNames[this.openNames.length - 1]}`);
    return this.parts.join('');
  }
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new RangeError(`not an XML name: ${JSON.stringify(name)}`);
  return name;
}

function literal(value: string): string {
  // A system/public literal cannot escape its quote (XML 1.0 §2.3), so pick one it lacks.
  if (!value.includes('"')) return `"${value}"`;
  if (!value.includes("'")) return `'${value}'`;
  throw new RangeError('identifier contains both quote characters');
}

function formatAttributes(attributes: XmlAttributeValues): string {
  let out = '';
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined) out += ` ${checkName(name)}="${escapeXml(String(value))}"`;
  }
  return out;
}
