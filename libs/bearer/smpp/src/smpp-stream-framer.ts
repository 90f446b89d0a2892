import { SMPP_HEADER_LENGTH } from './smpp-constants';
import { SmppDecodeError } from './smpp-decode-error';
import { SmppPduCodec } from './smpp-pdu-codec';

/**
 * Splits a TCP byte stream into whole PDUs. The command_length is checked as soon as its
 * four octets arrive, so a hostile length never makes us wait for or buffer 4 GiB
 * (reliability.md #26). After an error the stream is out of sync and the framer stays broken.
 */
export class SmppStreamFramer {
  private pending: Uint8Array = new Uint8Array(0);
  private broken?: SmppDecodeError;

  /** Returns the PDUs completed by this chunk, in order; throws SmppDecodeError on a bad length. */
  push(chunk: Uint8Array): Uint8Array[] {
    if (this.broken) throw this.broken;
    this.pending = concat(this.pending, chunk);
    const frames: Uint8Array[] = [];
    while (this.pending.length >= 4) {
      const length = readU32(this.pending, 0);
      try {
        SmppPduCodec.checkLength(length, this.sequenceNumber());
      } catch (e) {
        this.broken = e as SmppDecodeError;
        throw e;
      }
      if (this.pending.length < length) break;
      frames.push(this.pending.slice(0, length));
      this.pending = this.pending.subarray(length);
    }
    return frames;
  }

  /** Octets received but not yet part of a whole PDU. */
  get buffered(): number {
    return this.pending.length;
  }

  private sequenceNumber(): number {
    return this.pending.length >= SMPP_HEADER_LENGTH ? readU32(this.pending, 12) : 0;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b.slice();
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function readU32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) >>> 0) + (bytes[at + 1] << 16) + (bytes[at + 2] << 8) + bytes[at + 3];
}
