import type { XmlDoctype } from './xml-document';
import { XmlError } from './xml-error';

/**
 * Reads the text saxes reports between `<!DOCTYPE` and `>`:
 * `S Name (S ExternalID)? S? ('[' intSubset ']' S?)?` (XML 1.0 §2.8).
 * Nothing here is ever fetched or expanded; we only keep the identifiers.
 */
export function parseDoctype(raw: string, allowInternalSubset?: (subset: string) => boolean): XmlDoctype {
  // reliability.md (c) #1-#3: entity declarations are the billion-laughs and XXE vector.
  if (/<!ENTITY/i.test(raw)) throw new XmlError('entity', 'entity declarations are not accepted');
  const cursor = new DoctypeCursor(raw);
  const doctype: XmlDoctype = { name: cursor.name() };
  const keyword = cursor.keyword();
  if (keyword === 'PUBLIC') {
    doctype.publicId = cursor.quoted();
    if (cursor.startsQuote()) doctype.systemId = cursor.quoted();
  } else if (keyword === 'SYSTEM') {
    doctype.systemId = cursor.quoted();
  }
  const subset = cursor.subset();
  cursor.end();
  if (subset !== undefined) {
    if (!allowInternalSubset?.(subset)) throw new XmlError('doctype', 'DOCTYPE internal subset is not accepted');
    doctype.internalSubset = subset;
  }
  return doctype;
}

class DoctypeCursor {
  private pos = 0;

  constructor(private readonly raw: string) {}

  name(): string {
    this.skipSpace();
    const match = /^[^\s"'[\]]+/.exec(this.raw.slice(this.pos));
    if (!match) this.fail('missing DOCTYPE name');
    this.pos += match[0].length;
    return match[0];
  }

  keyword(): 'PUBLIC' | 'SYSTEM' | undefined {
    this.skipSpace();
    for (const word of ['PUBLIC', 'SYSTEM'] as const) {
      if (this.raw.startsWith(word, this.pos)) {
        this.pos += word.length;
        return word;
      }
    }
    return undefined;
  }

  startsQuote(): boolean {
    this.skipSpace();
    const c = this.raw[this.pos];
    return c === '"' || c === "'";
  }

  quoted(): string {
    if (!this.startsQuote()) this.fail('expected a quoted identifier');
    const quote = this.raw[this.pos];
    const close = this.raw.indexOf(quote, this.pos + 1);
    if (close < 0) this.fail('unterminated identifier');
    const value = this.raw.slice(this.pos + 1, close);
    this.pos = close + 1;
    return value;
  }

  subset(): string | undefined {
    this.skipSpace();
    if (this.raw[this.pos] !== '[') return undefined;
    const close = this.raw.lastIndexOf(']');
    if (close <= this.pos) this.fail('unterminated internal subset');
    const value = this.raw.slice(this.pos + 1, close);
    this.pos = close + 1;
    return value;
  }

  end(): void {
    this.skipSpace();
    if (this.pos !== this.raw.length) this.fail('unexpected text in DOCTYPE');
  }

  private skipSpace(): void {
    while (this.pos < this.raw.length && /\s/.test(this.raw[this.pos])) this.pos++;
  }

  private fail(message: string): never {
    throw new XmlError('doctype', message);
  }
}
