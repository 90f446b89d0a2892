import { createHash } from 'node:crypto';
import type { DeviceIdentity, SirDocument, SirRequestedV1, WakeMode } from '@waken/contracts';
import { IdentityPlacement } from './identity-placement.types';
import { deriveClientKey, deriveUserKey, keyIdFor } from './sir-keys';
import { signSir, UnsignedSir } from './sir-signature';
import { SirCompositionError } from './sir-composition.error';
import { sirDocumentProblems } from './sir-schema';

export interface SirCompositionContext {
  /** Where the woken client must connect (seed §S5; may differ from the sending PPG). */
  ppgAddress: string;
  now: Date;
  /** Upper bound on a SIR's lifetime, whatever the push allows. */
  ttlMs: number;
  /** Fresh random string, 8..64 characters; the device's replay cache keys on it. */
  nonce: () => string;
  /** PPG master secret the per-client and per-user keys derive from (sir-keys.ts). */
  master: Uint8Array;
  /** Overrides DEFAULT_PLACEMENT when the SIR carries a device identity (claim 2). */
  placement?: IdentityPlacement[];
}

/** claim 2: where the device identity goes unless the caller says otherwise. */
export const DEFAULT_PLACEMENT: Readonly<Partial<Record<WakeMode, readonly IdentityPlacement[]>>> = {
  targeted: ['header', 'body'],
  'broadcast-identity': ['header', 'body'],
  single: ['body'],
};

/** seed §S5 (unit 11, claims 2, 6, 7, 8): turn one wake-up decision into one signed SIR. */
export function composeSir(request: SirRequestedV1, ctx: SirCompositionContext): SirDocument {
  if (request.mode === 'connected') {
    throw new SirCompositionError('no-sir-needed', 'a connected client receives the push directly (seed §S10)');
  }
  const deviceIdentity = identityFor(request);
  const { key, keyId } = signerFor(request, ctx.master);
  const unsigned: UnsignedSir = {
    v: 1,
    sirId: sirIdFor(request),
    mode: request.mode,
    publicUserIdentity: request.publicUserIdentity, // claim 8: always present
    ...(deviceIdentity && { deviceIdentity: { kind: deviceIdentity.kind, value: deviceIdentity.value } }),
    placement: placementFor(request.mode, deviceIdentity, ctx.placement),
    ...(request.applicationId !== undefined && { applicationId: request.applicationId }), // claim 6
    instructions: [...request.instructions], // claim 7
    ppgAddress: ctx.ppgAddress,
    issuedAt: ctx.now.toISOString(),
    expiresAt: expiryFor(request, ctx),
    nonce: nonceFrom(ctx),
    keyId,
  };
  const doc: SirDocument = { ...unsigned, signature: signSir(unsigned, key) };
  const problems = sirDocumentProblems(doc);
  if (problems.length > 0) throw new SirCompositionError('invalid', problems.join('; '));
  return doc;
}

/** A redelivered SirRequestedV1 yields the same sirId, so devices and dedup tables see one SIR. */
export function sirIdFor(request: Pick<SirRequestedV1, 'tenantId' | 'sirRequestId'>): string {
  const digest = createHash('sha256').update(`${request.tenantId}\0${request.sirRequestId}`, 'utf8').digest('base64url');
  return `sir-${digest.slice(0, 22)}`;
}

function identityFor(request: SirRequestedV1): DeviceIdentity | undefined {
  switch (request.mode) {
    case 'targeted': // seed §S7
    case 'broadcast-identity': // seed §S8
      if (!request.deviceIdentity) throw new SirCompositionError('missing-identity', `${request.mode} needs a device identity`);
      return request.deviceIdentity;
    case 'single': // seed §S4: one client, the identity is optional
      return request.deviceIdentity;
    default: // seed §S9: only the public identity, each client decides
      return undefined;
  }
}

function signerFor(request: SirRequestedV1, master: Uint8Array): { key: Uint8Array; keyId: string } {
  if (request.mode === 'broadcast') {
    const key = deriveUserKey(master, request.tenantId, request.publicUserIdentity);
    return { key, keyId: keyIdFor('user', request.tenantId, request.publicUserIdentity) };
  }
  if (request.targetClientIds.length !== 1) {
    throw new SirCompositionError('bad-target', `${request.mode} SIR needs exactly one target client`);
  }
  const clientId = request.targetClientIds[0];
  return { key: deriveClientKey(master, request.tenantId, clientId), keyId: keyIdFor('client', request.tenantId, clientId) };
}

function placementFor(
  mode: WakeMode,
  identity: DeviceIdentity | undefined,
  requested: IdentityPlacement[] | undefined,
): IdentityPlacement[] {
  if (!identity) return [];
  const fallback: readonly IdentityPlacement[] = ['body'];
  const chosen = [...new Set(requested ?? DEFAULT_PLACEMENT[mode] ?? fallback)];
  if (chosen.length === 0) throw new SirCompositionError('invalid', 'a device identity must be placed somewhere (claim 2)');
  return chosen;
}

function expiryFor(request: SirRequestedV1, ctx: SirCompositionContext): string {
  const requested = Date.parse(request.expiresAt);
  if (Number.isNaN(requested)) throw new SirCompositionError('invalid', `bad expiresAt ${request.expiresAt}`);
  const expiresAt = Math.min(requested, ctx.now.getTime() + ctx.ttlMs);
  if (expiresAt <= ctx.now.getTime()) throw new SirCompositionError('expired', 'the push expires before a SIR could act');
  return new Date(expiresAt).toISOString();
}

function nonceFrom(ctx: SirCompositionContext): string {
  const nonce = ctx.nonce();
  if (nonce.length < 8 || nonce.length > 64) throw new SirCompositionError('bad-nonce', 'nonce must have 8..64 characters');
  return nonce;
}
