import { DecodeError, utf8 } from '@waken/wire';

/** The WBXML string table; every offset is checked against it (reliability.md (c) #29). */
export class StringTable {
  constructor(private readonly bytes: Uint8Array) {}

  /** The NUL-terminated string starting at `offset`; `at` is the token position, for errors. */
  stringAt(offset: number, at: number): string {
    if (offset >= this.bytes.length) throw new DecodeError(`string table offset ${offset} out of range (${this.bytes.length})`, at);
    const end = this.bytes.indexOf(0, offset);
    if (end < 0) throw new DecodeError('string table entry without NUL', at);
    return utf8(this.bytes.subarray(offset, end), at);
  }
}
