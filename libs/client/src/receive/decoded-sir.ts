import type { SirDocument } from '@waken/contracts';
import type { IdentityPlacement, SiaContactPoint } from '@waken/sir-domain';

/** The bearers a SIR can arrive on (seed §S6, §C1). */
export type SirBearer = 'sip' | 'sms' | 'udp' | 'http';

/** A header field as a carrier delivered it (SIP, HTTP, or a WSP text header). */
export interface HeaderField {
  readonly name: string;
  readonly value: string;
}

/** A SIR read from any bearer, its device identity restored from wherever it was placed (claim 2). */
export interface DecodedSir {
  readonly bearer: SirBearer;
  /** The signed document, ready for `verifySir`. */
  readonly sir: SirDocument;
  readonly encoding: 'json' | 'sia';
  /** Where the identity was found; empty for a broadcast without identity (seed §S9). */
  readonly identityFoundIn: readonly IdentityPlacement[];
  /** The SIA AppIdList, or the JSON document's application id (seed §C5). */
  readonly applicationIds: readonly string[];
  /** WAP-235 contact points of a SIA; empty for JSON. */
  readonly contactPoints: readonly SiaContactPoint[];
}
