import type { EncapsulationOptions } from '@waken/bearer-encapsulation';

export const ENCAPSULATOR_OPTIONS = Symbol('ENCAPSULATOR_OPTIONS');
export const FALLBACK_TRACKER = Symbol('FALLBACK_TRACKER');

export interface EncapsulatorOptions {
  /** How SIRs are laid out per bearer (SIP body and Accept-Contact, SMS reference width, ...). */
  encapsulation?: EncapsulationOptions;
  /**
   * A SIR handed over successfully whose target opened no session within this many ms falls back
   * to its next activation method; undefined: only failed attempts fall back.
   */
  sessionDeadlineMs?: number;
  /** Bound of the fallback state (SIRs with a fallback left, until expiry); default 50,000. */
  maxTrackedSirs?: number;
  /** How often deadlines and expiries are checked; default 1000 ms. */
  sweepIntervalMs?: number;
}
