import { createHmac } from 'node:crypto';

/** Domain-separation label: a key derived here is useless for any other HMAC in the system. */
const KDF_LABEL = 'waken/sir-key/v1';
const MIN_MASTER_BYTES = 16;
const MAX_KEY_ID = 128; // SirDocument.keyId maxLength

export type SirKeyScope = 'client' | 'user';

/**
 * The key one client uses to verify SIRs meant for it: targeted (seed §S7) and
 * broadcast-with-identity (seed §S8) SIRs are signed with the target client's key.
 */
export function deriveClientKey(master: Uint8Array, tenantId: string, clientId: string, version = 1): Uint8Array {
  return deriveKey(master, 'client', tenantId, clientId, version);
}

/** The key every client of one public user identity holds, for broadcast SIRs without identity (seed §S9). */
export function deriveUserKey(
  master: Uint8Array,
  tenantId: string,
  publicUserIdentity: string,
  version = 1,
): Uint8Array {
  return deriveKey(master, 'user', tenantId, publicUserIdentity, version);
}

/**
 * `client:<tenant>/<clientId>#<version>` or `user:<tenant>/<identity>#<version>`; `%`, `/` and `#`
 * inside the parts are percent-escaped so the id splits unambiguously. A subject that would push
 * the id past 128 characters is replaced by `h:` + a SHA-256-based digest of it.
 */
export function keyIdFor(scope: SirKeyScope, tenantId: string, subject: string, version = 1): string {
  assertVersion(version);
  const id = `${scope}:${escapePart(tenantId)}/${escapePart(subject)}#${version}`;
  if (id.length <= MAX_KEY_ID) return id;
  const digest = createHmac('sha256', KDF_LABEL).update(subject, 'utf8').digest('base64url').slice(0, 22);
  const short = `${scope}:${escapePart(tenantId)}/h:${digest}#${version}`;
  if (short.length > MAX_KEY_ID) throw new RangeError('tenant id too long for a key id');
  return short;
}

/** Which key a verifier needs for a keyId, or undefined if it is not one of ours. */
export function keyScopeOf(keyId: string): SirKeyScope | undefined {
  if (keyId.startsWith('client:')) return 'client';
  if (keyId.startsWith('user:')) return 'user';
  return undefined;
}

function deriveKey(master: Uint8Array, scope: SirKeyScope, tenantId: string, subject: string, version: number): Uint8Array {
  if (master.length < MIN_MASTER_BYTES) throw new RangeError(`master secret shorter than ${MIN_MASTER_BYTES} bytes`);
  assertVersion(version);
  const mac = createHmac('sha256', master);
  // Length-prefixed parts: ("a","bc") and ("ab","c") must not derive the same key.
  for (const part of [KDF_LABEL, scope, tenantId, subject]) mac.update(lengthPrefixed(part));
  mac.update(u32(version));
  return new Uint8Array(mac.digest());
}

function lengthPrefixed(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

function assertVersion(version: number): void {
  if (!Number.isInteger(version) || version < 1 || version > 0xffff) throw new RangeError(`bad key version ${version}`);
}

function escapePart(part: string): string {
  return part.replace(/[%/#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
