import type { ActivationMethod, SirComposedV1, SirRequestedV1 } from '@waken/contracts';
import { composeSir, encodeSia, ipv4ContactPoint } from '@waken/sir-domain';

/** Shared test data: the seed's Table 1 identities, a SIR composed and signed as sir-composer does. */
export const NOW = new Date('2026-11-26T10:00:00.000Z');
export const AOR = 'sip:+43-8323546@mobilkom.at';
export const INSTANCE = 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6';
export const GRUU = `${AOR};gr=${INSTANCE}`;
export const MSISDN = '+438323546';

export function sirRequest(overrides: Partial<SirRequestedV1> = {}): SirRequestedV1 {
  return {
    tenantId: 'mobilkom',
    pushId: '42@pi.example.com',
    sirRequestId: '42@pi.example.com#0/c-phone',
    mode: 'targeted',
    publicUserIdentity: AOR,
    targetClientIds: ['c-phone'],
    deviceIdentity: { kind: 'gruu', value: GRUU },
    activation: { bearer: 'sip', address: GRUU },
    fallbacks: [],
    applicationId: 'x-wap-application:wml.ua',
    instructions: ['return-capabilities'],
    expiresAt: '2030-01-01T00:00:00Z',
    ...overrides,
  };
}

/** A composed SIR whose SIA carries the contact point 192.0.2.1:9201. */
export function composedSir(overrides: Partial<SirRequestedV1> = {}, now = NOW): SirComposedV1 {
  const request = sirRequest(overrides);
  const sir = composeSir(request, { ppgAddress: 'sip:ppg@127.0.0.1:5070', now, ttlMs: 5 * 60_000, nonce: () => 'nonce-00000000', master: new Uint8Array(32).fill(7) });
  return {
    tenantId: request.tenantId,
    pushId: request.pushId,
    targetClientIds: request.targetClientIds,
    sir,
    siaBase64: Buffer.from(encodeSia(sir, { contactPoints: [ipv4ContactPoint('192.0.2.1')] })).toString('base64'),
    activation: request.activation,
    fallbacks: request.fallbacks,
    composedAt: now.toISOString(),
  };
}

export const SMS: ActivationMethod = { bearer: 'sms', address: MSISDN };
export const UDP: ActivationMethod = { bearer: 'udp', address: '192.0.2.7' };
export const HTTP: ActivationMethod = { bearer: 'http', address: 'https://device.example.com/push' };
