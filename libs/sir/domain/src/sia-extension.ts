import type { DeviceIdentity, SirDocument } from '@waken/contracts';
import { ByteReader, ByteWriter, DecodeError, utf8 } from '@waken/wire';
import {
  INSTRUCTION_CODES,
  KIND_CODES,
  MODE_CODES,
  PLACEMENT_CODES,
  SirTag,
  type SirExtensionFields,
} from './sia-extension-codes';
import { SirFormatError } from './sir-format.error';

/** "WK" + version: marks the Waken block after the standard SIA v0 fields (docs/sir-wire-format.md §3.3). */
export const SIR_EXTENSION_MAGIC = [0x57, 0x4b] as const;
export const SIR_EXTENSION_VERSION = 0x01;
/** 9999-12-31T23:59:59.999Z: the last instant a contract Timestamp (`^\d{4}-`) can express. */
const MAX_TIME_MS = 253_402_300_799_999;
const text = new TextEncoder();

/** Magic, version, length and the TLVs for every SirDocument field the standard SIA cannot carry. */
export function writeSirExtension(w: ByteWriter, doc: SirDocument): void {
  const tlv = new ByteWriter();
  const put = (tag: SirTag, value: Uint8Array): void => void tlv.u8(tag).uintvar(value.length).bytes(value);
  put(SirTag.SirId, text.encode(doc.sirId));
  put(SirTag.Mode, Uint8Array.of(codeOf(MODE_CODES, doc.mode)));
  put(SirTag.PublicUserIdentity, text.encode(doc.publicUserIdentity));
  if (doc.deviceIdentity) put(SirTag.DeviceIdentity, identityBytes(doc.deviceIdentity));
  put(SirTag.Placement, Uint8Array.from(doc.placement.map((p) => codeOf(PLACEMENT_CODES, p))));
  if (doc.applicationName !== undefined) put(SirTag.ApplicationName, text.encode(doc.applicationName));
  put(SirTag.Instructions, Uint8Array.from(doc.instructions.map((i) => codeOf(INSTRUCTION_CODES, i))));
  put(SirTag.PpgAddress, text.encode(doc.ppgAddress));
  put(SirTag.IssuedAt, timeBytes(doc.issuedAt));
  put(SirTag.ExpiresAt, timeBytes(doc.expiresAt));
  put(SirTag.Nonce, text.encode(doc.nonce));
  put(SirTag.KeyId, text.encode(doc.keyId));
  put(SirTag.Signature, signatureBytes(doc.signature));
  const body = tlv.toBytes();
  w.u8(SIR_EXTENSION_MAGIC[0]).u8(SIR_EXTENSION_MAGIC[1]).u8(SIR_EXTENSION_VERSION).uintvar(body.length).bytes(body);
}

/** The inverse of writeSirExtension; DecodeError on a missing field, an unknown code or a duplicate tag. */
export function readSirExtension(r: ByteReader): SirExtensionFields {
  if (r.u8() !== SIR_EXTENSION_MAGIC[0] || r.u8() !== SIR_EXTENSION_MAGIC[1]) r.fail('no Waken SIR extension after the SIA fields');
  if (r.u8() !== SIR_EXTENSION_VERSION) r.fail('unsupported SIR extension version');
  const fields = readTlvs(r.sub(r.uintvar()));
  const need = (tag: SirTag): Uint8Array => fields.get(tag) ?? r.fail(`SIR extension lacks tag 0x${tag.toString(16)}`);
  const identity = fields.get(SirTag.DeviceIdentity);
  const name = fields.get(SirTag.ApplicationName);
  return {
    v: 1,
    sirId: utf8(need(SirTag.SirId)),
    mode: oneCode(need(SirTag.Mode), MODE_CODES),
    publicUserIdentity: utf8(need(SirTag.PublicUserIdentity)),
    ...(identity && { deviceIdentity: readIdentity(identity) }),
    placement: codes(need(SirTag.Placement), PLACEMENT_CODES),
    ...(name && { applicationName: utf8(name) }),
    instructions: codes(need(SirTag.Instructions), INSTRUCTION_CODES),
    ppgAddress: utf8(need(SirTag.PpgAddress)),
    issuedAt: readTime(need(SirTag.IssuedAt)),
    expiresAt: readTime(need(SirTag.ExpiresAt)),
    nonce: utf8(need(SirTag.Nonce)),
    keyId: utf8(need(SirTag.KeyId)),
    signature: Buffer.from(need(SirTag.Signature)).toString('base64url'),
  };
}

function readTlvs(block: ByteReader): Map<number, Uint8Array> {
  const fields = new Map<number, Uint8Array>();
  while (!block.done) {
    const tag = block.u8();
    const value = block.bytes(block.uintvar());
    if (fields.has(tag)) block.fail(`duplicate SIR extension tag 0x${tag.toString(16)}`);
    fields.set(tag, value);
  }
  return fields;
}

function readIdentity(bytes: Uint8Array): DeviceIdentity {
  const r = new ByteReader(bytes);
  const kind = KIND_CODES[r.u8() - 1] ?? r.fail('unknown device identity kind');
  return { kind, value: utf8(r.rest(), 1) };
}

function readTime(bytes: Uint8Array): string {
  const r = new ByteReader(bytes);
  const ms = r.u16() * 2 ** 32 + r.u16() * 2 ** 16 + r.u16();
  if (!r.done || ms > MAX_TIME_MS) r.fail('timestamp is not 6 octets of milliseconds up to year 9999');
  return new Date(ms).toISOString();
}

function codes<T>(bytes: Uint8Array, table: readonly T[]): T[] {
  return [...bytes].map((b, i) => {
    const value = table[b - 1];
    if (value === undefined) throw new DecodeError(`unknown code ${b} in item ${i} of a code list`, 0);
    return value;
  });
}

function oneCode<T>(bytes: Uint8Array, table: readonly T[]): T {
  if (bytes.length !== 1) throw new DecodeError('expected exactly one code', 0);
  return codes(bytes, table)[0];
}

function codeOf<T>(table: readonly T[], value: T): number {
  const index = table.indexOf(value);
  if (index < 0) throw new SirFormatError(`no SIA code for ${String(value)}`);
  return index + 1;
}

function identityBytes(identity: DeviceIdentity): Uint8Array {
  return new ByteWriter().u8(codeOf(KIND_CODES, identity.kind)).bytes(text.encode(identity.value)).toBytes();
}

/** 48-bit milliseconds; only the canonical toISOString() form survives the trip unchanged. */
function timeBytes(iso: string): Uint8Array {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms) || ms < 0 || ms > MAX_TIME_MS || new Date(ms).toISOString() !== iso) {
    throw new SirFormatError(`timestamp ${iso} is not canonical (YYYY-MM-DDTHH:mm:ss.sssZ, 1970..9999)`);
  }
  return new ByteWriter().u16(Math.floor(ms / 2 ** 32)).u16(Math.floor(ms / 2 ** 16) % 2 ** 16).u16(ms % 2 ** 16).toBytes();
}

/** The MAC travels as its raw octets (32 instead of 43 characters); it must be canonical base64url. */
function signatureBytes(signature: string): Uint8Array {
  const raw = Buffer.from(signature, 'base64url');
  if (!/^[A-Za-z0-9_-]+$/.test(signature) || raw.toString('base64url') !== signature) {
    throw new SirFormatError('signature is not canonical base64url');
  }
  return Uint8Array.from(raw);
}
