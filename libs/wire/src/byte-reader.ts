import { DecodeError } from './decode-error';

/**
 * A bounds-checked cursor over untrusted bytes. Every read checks the bytes that remain
 * before it allocates or slices (reliability.md: never trust a declared length).
 */
export class ByteReader {
  private pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  get offset(): number {
    return this.pos;
  }

  get remaining(): number {
    return this.buf.length - this.pos;
  }

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  fail(message: string): never {
    throw new DecodeError(message, this.pos);
  }

  peek(): number {
    if (this.pos >= this.buf.length) this.fail('unexpected end of data');
    return this.buf[this.pos];
  }

  u8(): number {
    const b = this.peek();
    this.pos += 1;
    return b;
  }

  u16(): number {
    return (this.u8() << 8) | this.u8();
  }

  bytes(length: number): Uint8Array {
    if (!Number.isInteger(length) || length < 0) this.fail(`invalid length ${length}`);
    if (length > this.remaining) this.fail(`length ${length} exceeds the ${this.remaining} bytes left`);
    const out = this.buf.subarray(this.pos, this.pos + length);
    this.pos += length;
    return out;
  }

  rest(): Uint8Array {
    return this.bytes(this.remaining);
  }

  /** WSP/WBXML uintvar (mb_u_int32): at most 5 octets, at most 32 bits. */
  uintvar(): number {
    let value = 0;
    for (let i = 0; i < 5; i++) {
      const b = this.u8();
      value = value * 128 + (b & 0x7f);
      if ((b & 0x80) === 0) {
        if (value > 0xffffffff) this.fail('uintvar exceeds 32 bits');
        return value;
      }
    }
    this.fail('uintvar longer than 5 octets');
  }

  /** NUL-terminated string, at most maxLength octets before the NUL. */
  cString(maxLength = 4096): string {
    const start = this.pos;
    const end = this.buf.indexOf(0, start);
    if (end < 0) this.fail('string without terminating NUL');
    if (end - start > maxLength) this.fail(`string longer than ${maxLength}`);
    this.pos = end + 1;
    return utf8(this.buf.subarray(start, end), start);
  }

  /** A sub-reader over the next `length` bytes; this reader moves past them. */
  sub(length: number): ByteReader {
    return new ByteReader(this.bytes(length));
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export function utf8(bytes: Uint8Array, offset = 0): string {
  try {
    return decoder.decode(bytes);
  } catch {
    throw new DecodeError('invalid UTF-8', offset);
  }
}
