import { randomBytes } from 'node:crypto';
import type { SirDocument, SirRequestedV1 } from '@waken/contracts';
import { composeSir, deriveClientKey, deriveUserKey, keyIdFor } from '@waken/sir-domain';
import type { ClientProfile } from '../decide/client-profile';

/** Test-only data: one user with three devices (seed: phone, laptop, desktop). */
export const MASTER = new Uint8Array(32).fill(9);
export const TENANT = 'mobilkom';
export const USER = 'sip:+43-8323546@example.com';
export const PPG = 'sip:ppg@example.com';
export const NOW = new Date('2026-11-26T10:00:00.000Z');
export const DEVICES = {
  phone: 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
  laptop: 'urn:uuid:0b6a2f1c-1111-4d9e-9a1a-7a1f2b3c4d5e',
  desktop: 'urn:uuid:9e8d7c6b-2222-4f00-8c11-00aa00bb00cc',
} as const;
export type DeviceName = keyof typeof DEVICES;

export const gruuOf = (device: DeviceName): string => `${USER};gr=${DEVICES[device]}`;

export function profileFor(device: DeviceName, overrides: Partial<ClientProfile> = {}): ClientProfile {
  const clientId = `c-${device}`;
  return {
    tenantId: TENANT,
    clientId,
    publicUserIdentity: USER,
    identities: [{ kind: 'uuid', value: DEVICES[device] }],
    clientKey: { keyId: keyIdFor('client', TENANT, clientId), key: deriveClientKey(MASTER, TENANT, clientId) },
    userKey: { keyId: keyIdFor('user', TENANT, USER), key: deriveUserKey(MASTER, TENANT, USER) },
    trustedPpgAddresses: [PPG],
    info: { capabilities: { screen: '1080x2400' }, preferences: { lang: 'de' }, security: { tls: 'yes' }, subscription: { plan: 'gold' } },
    ...overrides,
  };
}

/** A SIR as the PPG composes it (seed §S5), for `target` (targeted / broadcast-identity) or the user (broadcast). */
export function sirFor(
  mode: SirRequestedV1['mode'],
  target: DeviceName | undefined,
  overrides: Partial<SirRequestedV1> = {},
  ctx: { now?: Date; ppgAddress?: string; master?: Uint8Array; placement?: SirDocument['placement'] } = {},
): SirDocument {
  const clientId = target === undefined ? 'c-phone' : `c-${target}`;
  const request: SirRequestedV1 = {
    tenantId: TENANT,
    pushId: `p-${randomBytes(4).toString('hex')}@pi.example.com`,
    sirRequestId: `r-${randomBytes(6).toString('hex')}`,
    mode,
    publicUserIdentity: USER,
    targetClientIds: [clientId],
    ...(target !== undefined && mode !== 'broadcast' && { deviceIdentity: { kind: 'gruu' as const, value: gruuOf(target) } }),
    activation: { bearer: 'sip', address: target === undefined ? USER : gruuOf(target) },
    fallbacks: [],
    applicationId: 'x-wap-application:wml.ua',
    instructions: ['return-capabilities'],
    expiresAt: '2030-01-01T00:00:00Z',
    ...overrides,
  };
  return composeSir(request, {
    ppgAddress: ctx.ppgAddress ?? PPG,
    now: ctx.now ?? NOW,
    ttlMs: 300_000,
    nonce: () => `n-${randomBytes(8).toString('hex')}`,
    master: ctx.master ?? MASTER,
    ...(ctx.placement && { placement: ctx.placement }),
  });
}
