import type { SirDocument } from '@waken/contracts';
import { ByteReader, ByteWriter, DecodeError } from '@waken/wire';
import { readAppIdEntry, writeAppIdEntry } from './sia-app-ids';
import { readContactPoints, writeContactPoint, type SiaContactPoint } from './sia-contact-point';
import { readSirExtension, writeSirExtension } from './sia-extension';
import { SirFormatError } from './sir-format.error';
import { sirDocumentProblems } from './sir-schema';

/** WSP well-known content type 0x34 and push application id 0x01 (wsp-wdp-sms.md §6, sia-sir.md §1). */
export const SIA_MEDIA_TYPE = 'application/vnd.wap.sia';
export const SIA_CONTENT_TYPE_CODE = 0x34;
export const SIA_APPLICATION_ID_CODE = 0x01;
/** SIA version 0, as Kannel emits (sia-sir.md §2); the v1 field semantics are unverified. */
export const SIA_VERSION = 0x00;
/** 255 concatenated SMS segments of 128 octets bound any SIA we could ever have sent. */
export const MAX_SIA_BYTES = 255 * 128;

export interface SiaEncodeOptions {
  /** Where the terminal should connect (WAP-235 ContactPoints); at least one. */
  contactPoints: readonly SiaContactPoint[];
}

export interface SiaMessage {
  sir: SirDocument;
  /** Every AppIdList entry; `sir.applicationId` is the first. */
  applicationIds: string[];
  contactPoints: SiaContactPoint[];
}

/**
 * seed §S5/S6, Table 2: a SIR as `application/vnd.wap.sia` content. Standard v0 fields first, so
 * any SIA parser (and TShark) reads them, then the Waken extension (docs/sir-wire-format.md §3).
 */
export function encodeSia(doc: SirDocument, options: SiaEncodeOptions): Uint8Array {
  const problems = sirDocumentProblems(doc);
  if (problems.length > 0) throw new SirFormatError(`not a valid SirDocument: ${problems.join('; ')}`);
  if (options.contactPoints.length === 0) throw new SirFormatError('a SIA needs at least one contact point');
  const appIds = new ByteWriter();
  if (doc.applicationId !== undefined) writeAppIdEntry(appIds, doc.applicationId);
  const contacts = new ByteWriter();
  for (const cp of options.contactPoints) writeContactPoint(contacts, cp);
  const w = new ByteWriter().u8(SIA_VERSION);
  w.uintvar(appIds.length).bytes(appIds.toBytes());
  w.uintvar(contacts.length).bytes(contacts.toBytes());
  writeSirExtension(w, doc);
  if (w.length > MAX_SIA_BYTES) throw new SirFormatError(`SIA larger than ${MAX_SIA_BYTES} octets`);
  return w.toBytes();
}

/** Bytes from the network to a schema-valid SIR, or DecodeError (reliability.md S3). */
export function decodeSia(bytes: Uint8Array): SiaMessage {
  if (bytes.length > MAX_SIA_BYTES) throw new DecodeError(`SIA larger than ${MAX_SIA_BYTES} octets`, 0);
  const r = new ByteReader(bytes);
  if (r.u8() !== SIA_VERSION) r.fail('only SIA version 0 is supported');
  const applicationIds = readAppIds(r.sub(r.uintvar()));
  const contactPoints = readContactPoints(r.sub(r.uintvar()));
  const start = r.offset;
  const fields = readSirExtension(r);
  if (!r.done) r.fail('trailing octets after the SIR extension');
  const sir: SirDocument = {
    ...fields,
    ...(applicationIds.length > 0 && { applicationId: applicationIds[0] }),
  };
  const problems = sirDocumentProblems(sir);
  if (problems.length > 0) throw new DecodeError(`SIR extension is not a SirDocument: ${problems.join('; ')}`, start);
  return { sir, applicationIds, contactPoints };
}

function readAppIds(r: ByteReader): string[] {
  const ids: string[] = [];
  while (!r.done) ids.push(readAppIdEntry(r));
  return ids;
}
