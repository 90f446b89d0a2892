import { IdentityPlacement, SiaContactPoint } from '@waken/sir-domain';

export const SIR_COMPOSER_OPTIONS = Symbol('SIR_COMPOSER_OPTIONS');

export interface SirComposerOptions {
  /** SIP address of the PPG's push session endpoint, where woken clients connect (seed S5). */
  ppgAddress: string;
  /** The same endpoint as SIA contact points, for WSP-era terminals. */
  contactPoints: SiaContactPoint[];
  /** Master secret the per-client SIR keys derive from (shared with the registry). */
  master: Uint8Array;
  ttlMs: number;
  placement?: IdentityPlacement[];
}
