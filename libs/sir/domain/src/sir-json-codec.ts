import type { SirDocument } from '@waken/contracts';
import { DecodeError, utf8 } from '@waken/wire';
import { canonicalJson } from './canonical-json';
import { SirFormatError } from './sir-format.error';
import { sirDocumentProblems } from './sir-schema';

/** The structured SIR body for SIP MESSAGE and HTTP bearers (docs/sir-wire-format.md §2). */
export const SIR_JSON_MEDIA_TYPE = 'application/vnd.waken.sir+json';

/**
 * Larger than any valid document can be (every string at its schema maximum, every character
 * escaped as \uXXXX is below 20 KiB), small enough that JSON.parse stays cheap (reliability.md S3).
 */
export const MAX_SIR_JSON_BYTES = 32 * 1024;

export function encodeSirJson(doc: SirDocument): Uint8Array {
  const problems = sirDocumentProblems(doc);
  if (problems.length > 0) throw new SirFormatError(`not a valid SirDocument: ${problems.join('; ')}`);
  const bytes = new TextEncoder().encode(canonicalJson(doc));
  if (bytes.length > MAX_SIR_JSON_BYTES) throw new SirFormatError(`SIR JSON exceeds ${MAX_SIR_JSON_BYTES} bytes`);
  return bytes;
}

/** Bytes from the network to a schema-valid SirDocument, or DecodeError. */
export function decodeSirJson(bytes: Uint8Array): SirDocument {
  if (bytes.length > MAX_SIR_JSON_BYTES) throw new DecodeError(`SIR JSON larger than ${MAX_SIR_JSON_BYTES} bytes`, 0);
  const text = utf8(bytes);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DecodeError(`SIR JSON does not parse: ${(e as Error).message}`, 0);
  }
  // additionalProperties:false in the schema also rejects "__proto__" and any other extra member.
  const problems = sirDocumentProblems(value);
  if (problems.length > 0) throw new DecodeError(`not a SirDocument: ${problems.join('; ')}`, 0);
  return value as SirDocument;
}
