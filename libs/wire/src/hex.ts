import { DecodeError } from './decode-error';

export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}

/** Accepts hex with optional spaces or colons; throws DecodeError on anything else. */
export function fromHex(text: string): Uint8Array {
  const clean = text.replace(/[\s:]/g, '');
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) throw new DecodeError('not a hex string', 0);
  return Uint8Array.from(Buffer.from(clean, 'hex'));
}
