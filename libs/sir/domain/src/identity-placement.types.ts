import type { DeviceIdentity, SirDocument } from '@waken/contracts';

/** claim 2: header field, value field, body. Mirrors the contract's IdentityPlacement union. */
export type IdentityPlacement = SirDocument['placement'][number];

/** The header field that carries `<kind>; <value>` (header placement). */
export const DEVICE_ID_HEADER = 'X-Waken-Device-Id';

/** A SIR laid out for a carrier message (seed §S6 encapsulates it). */
export interface PlacedSir {
  /** Header placement, targeted GRUU only: the `gr` URI parameter of the client address (seed Table 1). */
  requestUriParams?: Record<string, string>;
  /** Header placement: `X-Waken-Device-Id: <kind>; <value>`. */
  headers: Record<string, string>;
  /** Value placement: a dedicated identity field the carrier puts beside the SIR in its structured body. */
  valueField?: DeviceIdentity;
  /** The signed document; `deviceIdentity` stays inside only with body placement (seed Table 2). */
  body: SirDocument;
}

/** What a receiver saw, for `extractIdentity`. */
export interface ReceivedSir {
  headers: Record<string, string>;
  requestUri?: string;
  valueField?: DeviceIdentity;
  /** The decoded body (JSON or SIA); may lack `deviceIdentity`. */
  body: SirDocument;
}

export interface ExtractedIdentity {
  identity?: DeviceIdentity;
  foundIn: IdentityPlacement[];
  /** The body with the identity restored, ready for verifySir. */
  sir: SirDocument;
}
