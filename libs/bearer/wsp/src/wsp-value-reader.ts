import { ByteReader } from '@waken/wire';

// Long-integers wider than 48 bits would lose precision as JS numbers; WSP uses them for
// dates and registered ids, which fit in 32 bits.
const MAX_LONG_OCTETS = 6;

/** Primitive decodings of WAP-230 §8.4.2; every failure is a DecodeError from ByteReader. */
export class WspValueReader extends ByteReader {
  /** Text-string or Token-text; drops a leading Quote octet 0x7F. */
  textString(): string {
    if (this.peek() === 0x7f) this.u8();
    return this.cString();
  }

  /** Untyped parameter Text-value: No-value (''), Token-text, or Quoted-string without its `"`. */
  textValue(): string {
    if (this.peek() !== 0x22) return this.textString();
    this.u8();
    return this.cString();
  }

  shortInteger(): number {
    const octet = this.u8();
    if (octet < 0x80) this.fail(`expected a Short-integer, got 0x${octet.toString(16)}`);
    return octet & 0x7f;
  }

  longInteger(): number {
    const length = this.u8();
    if (length < 1 || length > 30) this.fail(`invalid Long-integer length ${length}`);
    if (length > MAX_LONG_OCTETS) this.fail(`Long-integer of ${length} octets is too wide`);
    let value = 0;
    for (const octet of this.bytes(length)) value = value * 256 + octet;
    return value;
  }

  integerValue(): number {
    return this.peek() >= 0x80 ? this.shortInteger() : this.longInteger();
  }

  /** Value-length (0..30, or 0x1F + uintvar), checked against the bytes that remain. */
  valueLength(): number {
    const octet = this.u8();
    if (octet > 0x1f) this.fail(`expected a Value-length, got 0x${octet.toString(16)}`);
    const length = octet === 0x1f ? this.uintvar() : octet;
    if (length > this.remaining) this.fail(`Value-length ${length} exceeds the ${this.remaining} bytes left`);
    return length;
  }

  /** A sub-reader over a Value-length-prefixed field; this reader moves past it. */
  lengthPrefixed(): WspValueReader {
    return new WspValueReader(this.bytes(this.valueLength()));
  }
}
