import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { parseDoctype } from './doctype-parser';
import type { XmlDoctype, XmlDocument, XmlElement } from './xml-document';
import { XmlError, type XmlErrorReason } from './xml-error';
import { DEFAULT_XML_LIMITS, type XmlLimits, type XmlParseOptions } from './xml-limits';

/**
 * Parses an untrusted XML document into a small element tree.
 * reliability.md "Pick": saxes behind a byte cap, our own limits on depth, element count and
 * text size, no entity other than the five predefined ones and numeric character references.
 * Throws only XmlError.
 */
export function parseXml(text: string, options: XmlParseOptions = {}): XmlDocument {
  const limits = resolveLimits(options);
  checkSize(text, limits.maxBytes);
  checkCharRefs(text, limits.maxCharRefs);
  return new TreeBuilder(limits, options.allowInternalSubset).build(text);
}

function resolveLimits(options: XmlParseOptions): XmlLimits {
  const limits = { ...DEFAULT_XML_LIMITS };
  for (const key of Object.keys(DEFAULT_XML_LIMITS) as (keyof XmlLimits)[]) {
    const value = options[key];
    if (value !== undefined) limits[key] = value;
  }
  return limits;
}

function checkSize(text: string, maxBytes: number): void {
  // A UTF-8 encoding is never shorter than the UTF-16 length, so the cheap test runs first.
  if (text.length > maxBytes || Buffer.byteLength(text, 'utf8') > maxBytes) {
    throw new XmlError('size', `document larger than ${maxBytes} bytes`);
  }
}

function checkCharRefs(text: string, max: number): void {
  // reliability.md (c) #4: counted before parsing so 10^6 `&#65;` never reach the tokenizer.
  let count = 0;
  for (let at = text.indexOf('&#'); at >= 0; at = text.indexOf('&#', at + 2)) {
    if (++count > max) throw new XmlError('entity', `more than ${max} numeric character references`);
  }
}

function classify(message: string): XmlErrorReason {
  if (message.includes('only one root')) return 'multiple-roots';
  if (message.includes('entity')) return 'entity';
  if (message.includes('doctype')) return 'doctype';
  return 'syntax';
}

class TreeBuilder {
  private readonly parser = new SaxesParser<{ xmlns: false; position: true }>({ position: true, xmlns: false });
  private readonly stack: XmlElement[] = [];
  private root?: XmlElement;
  private doctype?: XmlDoctype;
  private elements = 0;

  constructor(
    private readonly limits: XmlLimits,
    private readonly allowInternalSubset?: (subset: string) => boolean,
  ) {
    const p = this.parser;
    p.on('error', (e) => this.fail(classify(e.message), e.message.replace(/^[^:]*:\d+:\d+: /, '')));
    p.on('doctype', (raw) => this.onDoctype(raw));
    p.on('opentagstart', () => this.checkOpen());
    p.on('opentag', (tag) => this.open(tag));
    p.on('closetag', () => this.stack.pop());
    p.on('text', (t) => this.append(t));
    p.on('cdata', (t) => this.append(t));
  }

  build(text: string): XmlDocument {
    try {
      this.parser.write(text).close();
    } catch (e) {
      if (e instanceof XmlError) throw e;
      // Handlers throw XmlError; anything else is saxes failing in a way we did not foresee.
      this.fail('syntax', e instanceof Error ? e.message : String(e));
    }
    if (!this.root) this.fail('syntax', 'document has no root element');
    return this.doctype ? { doctype: this.doctype, root: this.root } : { root: this.root };
  }

  private onDoctype(raw: string): void {
    try {
      this.doctype = parseDoctype(raw, this.allowInternalSubset);
    } catch (e) {
      if (e instanceof XmlError) this.fail(e.reason, e.message.replace(/^[a-z-]+: /, ''));
      throw e;
    }
  }

  private checkOpen(): void {
    // Checked at the tag name, before saxes reads attributes or deeper content (catalogue #5).
    if (this.stack.length >= this.limits.maxDepth) this.fail('depth', `nesting deeper than ${this.limits.maxDepth}`);
    if (++this.elements > this.limits.maxElements) this.fail('elements', `more than ${this.limits.maxElements} elements`);
  }

  private open(tag: SaxesTagPlain): void {
    const entries = Object.entries(tag.attributes);
    if (entries.length > this.limits.maxAttributes) this.fail('attributes', `more than ${this.limits.maxAttributes} attributes`);
    for (const [, value] of entries) this.checkText(value.length);
    // Object.fromEntries defines own properties, so an attribute named __proto__ stays data.
    const element: XmlElement = { name: tag.name, attributes: Object.fromEntries(entries), children: [], text: '' };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(element);
    else this.root = element;
    this.stack.push(element);
  }

  private append(text: string): void {
    const current = this.stack[this.stack.length - 1];
    if (!current) return;
    this.checkText(current.text.length + text.length);
    current.text += text;
  }

  private checkText(length: number): void {
    if (length > this.limits.maxTextLength) this.fail('text', `text longer than ${this.limits.maxTextLength} characters`);
  }

  private fail(reason: XmlErrorReason, message: string): never {
    throw new XmlError(reason, message, this.parser.line, this.parser.column);
  }
}
