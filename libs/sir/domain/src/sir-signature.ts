import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SirDocument } from '@waken/contracts';
import { canonicalJson } from './canonical-json';

/** Prefix of the MAC input, so a SIR MAC can never be confused with another HMAC under the same key. */
const SIGNING_LABEL = 'waken-sir-signature/v1\n';
const MAC_BYTES = 32;

export type UnsignedSir = Omit<SirDocument, 'signature'>;

/** HMAC-SHA256 over the canonical JSON of every field but `signature`; base64url, no padding. */
export function signSir(doc: UnsignedSir | SirDocument, key: Uint8Array): string {
  return mac(doc, key).toString('base64url');
}

/** Constant-time check of `doc.signature` (reliability.md (d): SIR authenticity). */
export function hasValidSignature(doc: SirDocument, key: Uint8Array): boolean {
  const expected = mac(doc, key);
  if (!/^[A-Za-z0-9_-]+$/.test(doc.signature)) return false;
  const given = Buffer.from(doc.signature, 'base64url');
  // Length is public (always 32 for ours); only the content comparison must not leak timing.
  if (given.length !== MAC_BYTES) return false;
  return timingSafeEqual(given, expected);
}

function mac(doc: UnsignedSir | SirDocument, key: Uint8Array): Buffer {
  const { signature: _omit, ...unsigned } = doc as SirDocument;
  return createHmac('sha256', key)
    .update(SIGNING_LABEL + canonicalJson(unsigned), 'utf8')
    .digest();
}
