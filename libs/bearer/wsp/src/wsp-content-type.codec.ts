import { CHARSETS, PARAM } from './wsp-header-names';
import type { WspContentType } from './wsp-push';
import { WSP_CONTENT_TYPES } from './wsp-content-types';
import { WspValueReader } from './wsp-value-reader';
import { WspValueWriter } from './wsp-value-writer';

/**
 * Content-type-value (WAP-230 §8.4.2.24): Constrained-media when there are no parameters,
 * else Content-general-form = Value-length Media-type *Parameter (`03 AE 81 EA`, wsp-wdp-sms.md §5).
 */
export function writeContentType(w: WspValueWriter, contentType: WspContentType): void {
  const params = Object.entries(contentType.params ?? {});
  if (params.length === 0) {
    writeMedia(w, contentType.type);
    return;
  }
  const inner = new WspValueWriter();
  writeMedia(inner, contentType.type);
  for (const [name, value] of params) writeParameter(inner, name.toLowerCase(), value);
  w.lengthPrefixed(inner.toBytes());
}

export function readContentType(r: WspValueReader): WspContentType {
  const first = r.peek();
  if (first >= 0x80) return { type: wellKnownMedia(r, r.shortInteger()) };
  if (first > 0x1f) return { type: r.textString() };
  const inner = r.lengthPrefixed();
  const type = inner.peek() >= 0x20 && inner.peek() < 0x80 ? inner.textString() : wellKnownMedia(inner, inner.integerValue());
  const params: Record<string, string | number> = {};
  while (!inner.done) {
    const [name, value] = readParameter(inner);
    params[name] = value;
  }
  return Object.keys(params).length === 0 ? { type } : { type, params };
}

function writeMedia(w: WspValueWriter, type: string): void {
  if (type === '') throw new RangeError('empty content type');
  const code = WSP_CONTENT_TYPES.code(type);
  if (code === undefined) w.textString(type);
  else w.integerValue(code);
}

function wellKnownMedia(r: WspValueReader, code: number): string {
  const type = WSP_CONTENT_TYPES.name(code);
  if (type === undefined) r.fail(`unassigned well-known content type 0x${code.toString(16)}`);
  return type;
}

function writeParameter(w: WspValueWriter, name: string, value: string | number): void {
  const charset = name === 'charset' ? (typeof value === 'number' ? value : CHARSETS.code(value)) : undefined;
  if (charset !== undefined) {
    // Typed-parameter: Charset token 0x01 as a Short-integer, Well-known-charset as Integer-value.
    w.shortInteger(PARAM.charset).integerValue(charset);
    return;
  }
  w.tokenText(name);
  if (typeof value === 'number') w.integerValue(value);
  else w.textValue(value);
}

function readParameter(r: WspValueReader): [string, string | number] {
  const first = r.peek();
  if (first >= 0x20 && first < 0x80) {
    const name = r.textString().toLowerCase();
    return [name, readUntypedValue(r)];
  }
  const token = r.integerValue();
  // Typed parameters other than charset are kept under their token number; their Typed-value
  // is an Integer-value, No-value or text, which the untyped reader covers.
  if (token !== PARAM.charset) return [`0x${token.toString(16)}`, readUntypedValue(r)];
  const code = r.integerValue();
  // Short-integer 0 (0x80) is Any-charset, WAP-230 §8.4.2.8.
  return ['charset', code === 0 ? '*' : (CHARSETS.name(code) ?? code)];
}

function readUntypedValue(r: WspValueReader): string | number {
  const first = r.peek();
  if (first === 0) {
    r.u8();
    return '';
  }
  if (first === 0x1f) r.fail('Length-quote is not a parameter value');
  return first >= 0x80 || first <= 0x1e ? r.integerValue() : r.textValue();
}
