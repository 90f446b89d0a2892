import type { DeviceIdentity, SirDocument } from '@waken/contracts';
import { sameDeviceIdentity } from './device-identity-matcher';
import { ReplayCache } from './replay-cache';
import { sirDocumentProblems } from './sir-schema';
import { hasValidSignature } from './sir-signature';

export type SirRejection =
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'replayed'
  | 'untrusted-ppg'
  | 'not-for-me'
  | 'malformed';

export type SirVerdict = { ok: true } | { ok: false; reason: SirRejection };

export interface SirVerificationOptions {
  /** The client key (keyId `client:…`) or the user key (`user:…`), see sir-keys.ts. */
  key: Uint8Array;
  now: Date;
  /** Tolerated clock difference between PPG and device, applied to both ends of the validity window. */
  maxSkewMs: number;
  replayCache: ReplayCache;
  /** OMA Push MO TrustedPPG: the only servers this device will connect to (seed §C2). */
  trustedPpgAddresses: readonly string[];
  /** Every identity this device answers to (GRUUs, instance id, IMEI, ...). */
  ownIdentities: readonly DeviceIdentity[];
}

/**
 * seed §C2 (unit 22): may this device act on this SIR? Checks run cheapest-to-forge last: a SIR
 * only reaches the replay cache after it proved authentic, fresh and addressed to us, so forged
 * SIRs cannot fill the cache.
 */
export function verifySir(doc: SirDocument, options: SirVerificationOptions): SirVerdict {
  if (sirDocumentProblems(doc).length > 0) return reject('malformed');
  const issuedAt = Date.parse(doc.issuedAt);
  const expiresAt = Date.parse(doc.expiresAt);
  if (Number.isNaN(issuedAt) || Number.isNaN(expiresAt) || expiresAt < issuedAt) return reject('malformed');
  if (!hasValidSignature(doc, options.key)) return reject('bad-signature');
  if (!options.trustedPpgAddresses.includes(doc.ppgAddress)) return reject('untrusted-ppg');
  const now = options.now.getTime();
  if (now + options.maxSkewMs < issuedAt) return reject('not-yet-valid');
  if (now - options.maxSkewMs > expiresAt) return reject('expired');
  if (!isForMe(doc, options.ownIdentities)) return reject('not-for-me');
  // reliability.md R1/R4 (0 duplicate SIRs accepted): a redelivered SIR has the same sirId but a new nonce; both must be fresh.
  const fresh = options.replayCache.checkAndRemember(
    [`nonce:${doc.nonce}`, `sir:${doc.sirId}`],
    expiresAt + options.maxSkewMs,
    now,
  );
  return fresh ? { ok: true } : reject('replayed');
}

/** seed §S8: compare the carried identity with our own; without one (seed §S9) policy decides elsewhere. */
function isForMe(doc: SirDocument, own: readonly DeviceIdentity[]): boolean {
  const target = doc.deviceIdentity;
  return target === undefined || own.some((mine) => sameDeviceIdentity(mine, target));
}

function reject(reason: SirRejection): SirVerdict {
  return { ok: false, reason };
}
