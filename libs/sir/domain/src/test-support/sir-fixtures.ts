import type { SirRequestedV1 } from '@waken/contracts';
import type { SirCompositionContext } from '../sir-composer';

/** Shared test data for the sir-domain specs (seed Table 1 identities). */
export const MASTER = new Uint8Array(32).fill(7);
export const PPG = 'sip:ppg@127.0.0.1:5070';
export const NOW = new Date('2026-11-26T10:00:00.000Z');
export const GRUU = 'sip:+43-8323546@mobilkom.at;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6';
export const PUBLIC_ID = 'sip:+43-8323546@mobilkom.at';

export function request(overrides: Partial<SirRequestedV1> = {}): SirRequestedV1 {
  return {
    tenantId: 'mobilkom',
    pushId: '42@pi.example.com',
    sirRequestId: '42@pi.example.com#0/c-phone',
    mode: 'targeted',
    publicUserIdentity: PUBLIC_ID,
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

let counter = 0;
export function context(overrides: Partial<SirCompositionContext> = {}): SirCompositionContext {
  return {
    ppgAddress: PPG,
    now: NOW,
    ttlMs: 5 * 60_000,
    nonce: () => `nonce-${(counter++).toString().padStart(8, '0')}`,
    master: MASTER,
    ...overrides,
  };
}
