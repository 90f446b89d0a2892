import type { XmlElement } from '@waken/xml';
import { PapError } from './pap-error';
import { parsePapTimestamp } from './pap-timestamp';

/** How an attribute value is checked. */
export type PapValueKind = 'id' | 'text' | 'url' | 'token';

export const MAX_ID_LENGTH = 256;
export const MAX_TEXT_LENGTH = 1024;
export const MAX_TOKEN_LENGTH = 40;

const CHECKS: Record<PapValueKind, RegExp> = {
  // push-id, query-id: visible ASCII, inner spaces allowed (contracts MAX_ID)
  id: new RegExp(`^[\\x21-\\x7e](?:[\\x20-\\x7e]{0,${MAX_ID_LENGTH - 2}}[\\x21-\\x7e])?$`),
  // free text copied onwards must not smuggle CR/LF or other controls (reliability.md #25)
  text: new RegExp(`^[^\\x00-\\x1f\\x7f-\\x9f]{0,${MAX_TEXT_LENGTH}}$`),
  url: new RegExp(`^https?://[\\x21-\\x7e]{1,${MAX_TEXT_LENGTH - 8}}$`, 'i'),
  token: new RegExp(`^[\\x20-\\x7e]{1,${MAX_TOKEN_LENGTH}}$`),
};

/** A push-id or query-id as PAP accepts it. */
export function isPapId(value: string): boolean {
  return CHECKS.id.test(value);
}

/** Reads and checks the attributes and children of one PAP element; every fault is PAP 2000. */
export class PapElementReader {
  constructor(readonly element: XmlElement) {}

  get name(): string {
    return this.element.name;
  }

  required(attribute: string, kind: PapValueKind): string {
    const value = this.optional(attribute, kind);
    if (value === undefined) throw this.fault(`missing ${attribute}`);
    return value;
  }

  optional(attribute: string, kind: PapValueKind): string | undefined {
    const value = this.raw(attribute);
    if (value === undefined) return undefined;
    if (!CHECKS[kind].test(value)) throw this.fault(`${attribute} is not a valid ${kind}`);
    return value;
  }

  bool(attribute: string, fallback: boolean): boolean {
    return this.oneOf(attribute, ['true', 'false'] as const, fallback ? 'true' : 'false') === 'true';
  }

  oneOf<T extends string>(attribute: string, values: readonly T[], fallback: T): T;
  oneOf<T extends string>(attribute: string, values: readonly T[]): T | undefined;
  oneOf<T extends string>(attribute: string, values: readonly T[], fallback?: T): T | undefined {
    const value = this.raw(attribute);
    if (value === undefined) return fallback;
    const found = values.find((v) => v === value);
    if (found === undefined) throw this.fault(`${attribute} must be one of ${values.join(', ')}`);
    return found;
  }

  /** A timestamp attribute as written, with its time in ms. */
  timestamp(attribute: string): { text: string; ms: number } | undefined {
    const text = this.raw(attribute);
    if (text === undefined) return undefined;
    const ms = parsePapTimestamp(text);
    if (ms === undefined) throw this.fault(`${attribute} is not YYYY-MM-DDThh:mm:ssZ`);
    return { text, ms };
  }

  /**
   * The child elements by name, each within [min, max]; an unknown child or character data
   * is refused, as the PAP DTD content models have no mixed content.
   */
  children(allowed: Readonly<Record<string, readonly [number, number]>>): Record<string, PapElementReader[]> {
    if (this.element.text.trim() !== '') throw this.fault('unexpected character data');
    const found: Record<string, PapElementReader[]> = Object.create(null);
    for (const name of Object.keys(allowed)) found[name] = [];
    for (const child of this.element.children) {
      const list = found[child.name];
      if (!list) throw this.fault(`unexpected element <${child.name.slice(0, 40)}>`);
      list.push(new PapElementReader(child));
    }
    for (const [name, [min, max]] of Object.entries(allowed)) {
      const count = found[name].length;
      if (count < min || count > max) throw this.fault(`expected ${min}..${max} <${name}>, found ${count}`);
    }
    return found;
  }

  fault(desc: string): PapError {
    return new PapError(2000, `<${this.element.name.slice(0, 40)}>: ${desc}`);
  }

  private raw(attribute: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.element.attributes, attribute)
      ? this.element.attributes[attribute]
      : undefined;
  }
}
