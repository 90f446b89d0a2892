import { ByteWriter } from '@waken/wire';

const utf8 = new TextEncoder();
// RFC 2616 §2.2 token characters, which WSP Token-text is restricted to (WAP-230 §8.4.2.1).
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Primitive encodings of WAP-230 §8.4.2 (wsp-wdp-sms.md §5). Bad input is a RangeError. */
export class WspValueWriter extends ByteWriter {
  /** Text-string: a first octet >= 0x80 is preceded by the Quote octet 0x7F. */
  textString(text: string): this {
    const bytes = textBytes(text);
    if (bytes.length > 0 && bytes[0] >= 0x80) this.u8(0x7f);
    return this.bytes(bytes).u8(0);
  }

  tokenText(token: string): this {
    if (!TOKEN.test(token)) throw new RangeError(`not a token: ${JSON.stringify(token)}`);
    return this.bytes(utf8.encode(token)).u8(0);
  }

  /** Text-value of an untyped parameter: No-value, Token-text or Quoted-string (`"` + text + NUL). */
  textValue(text: string): this {
    if (text === '') return this.u8(0);
    if (TOKEN.test(text)) return this.tokenText(text);
    return this.u8(0x22).bytes(textBytes(text)).u8(0);
  }

  shortInteger(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0x7f) throw new RangeError(`not a Short-integer: ${value}`);
    return this.u8(0x80 | value);
  }

  /** Long-integer: Short-length then the minimal big-endian octets (at least one). */
  longInteger(value: number): this {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a Long-integer: ${value}`);
    const octets: number[] = [];
    for (let rest = value; octets.length === 0 || rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
    return this.u8(octets.length).bytes(Uint8Array.from(octets));
  }

  integerValue(value: number): this {
    return value >= 0 && value <= 0x7f && Number.isInteger(value) ? this.shortInteger(value) : this.longInteger(value);
  }

  /** Value-length: 0..30 in one octet, else Length-quote 0x1F then a uintvar. */
  valueLength(length: number): this {
    return length <= 30 ? this.u8(length) : this.u8(0x1f).uintvar(length);
  }

  /** Value-length followed by the bytes another writer produced. */
  lengthPrefixed(content: Uint8Array): this {
    return this.valueLength(content.length).bytes(content);
  }
}

// TEXT excludes CTLs (WAP-230 §8.4.2.1, RFC 2616 §2.2); refusing them also stops CRLF injection
// from PI-supplied text (reliability.md (c) #25) and keeps a first octet < 0x20 from reading as a length.
function textBytes(text: string): Uint8Array {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) throw new RangeError(`text contains control character ${code}`);
  }
  return utf8.encode(text);
}
