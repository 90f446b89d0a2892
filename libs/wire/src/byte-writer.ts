/** Grows as it is written; `toBytes()` returns exactly what was written. */
export class ByteWriter {
  private buf = new Uint8Array(64);
  private len = 0;

  get length(): number {
    return this.len;
  }

  private ensure(extra: number): void {
    if (this.len + extra <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + extra));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }

  u8(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xff) throw new RangeError(`not an octet: ${value}`);
    this.ensure(1);
    this.buf[this.len++] = value;
    return this;
  }

  u16(value: number): this {
    if (!Number.isInteger(value) || value < 0 || value > 0xffff) throw new RangeError(`not a 16-bit value: ${value}`);
    return this.u8(value >> 8).u8(value & 0xff);
  }

  bytes(data: Uint8Array): this {
    this.ensure(data.length);
    this.buf.set(data, this.len);
    this.len += data.length;
    return this;
  }

  uintvar(value: number): this {
    return this.bytes(encodeUintvar(value));
  }

  /** UTF-8 text followed by NUL; refuses an embedded NUL. */
  cString(text: string): this {
    if (text.includes('\0')) throw new RangeError('string contains NUL');
    return this.bytes(new TextEncoder().encode(text)).u8(0);
  }

  toBytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

/** WSP uintvar: big-endian 7-bit groups, continuation bit on all but the last octet. */
export function encodeUintvar(value: number): Uint8Array {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new RangeError(`uintvar out of range: ${value}`);
  const groups: number[] = [value % 128];
  let rest = Math.floor(value / 128);
  while (rest > 0) {
    groups.unshift((rest % 128) | 0x80);
    rest = Math.floor(rest / 128);
  }
  return Uint8Array.from(groups);
}
