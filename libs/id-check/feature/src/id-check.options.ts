import { SirInstruction } from '@waken/contracts';

export const ID_CHECK_OPTIONS = Symbol('ID_CHECK_OPTIONS');

export interface IdCheckOptions {
  /** How long a SIR stays valid when the push has no earlier deliver-before. */
  sirTtlMs: number;
  /** What every SIR asks the woken client to return (seed S5, claim 7). */
  instructions: SirInstruction[];
}
