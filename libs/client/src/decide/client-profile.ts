import type { DeviceIdentity } from '@waken/contracts';

/** One SIR verification key and the id the PPG names it by (docs/sir-wire-format.md §5). */
export interface SirKey {
  readonly keyId: string;
  readonly key: Uint8Array;
}

/** Name → value maps, the shape `ClientRespondedV1` carries back (seed §C4). */
export interface ClientInfoSource {
  readonly capabilities?: Readonly<Record<string, string>>;
  readonly preferences?: Readonly<Record<string, string>>;
  readonly security?: Readonly<Record<string, string>>;
  readonly subscription?: Readonly<Record<string, string>>;
}

/** What one client knows about itself: who it is, whom it trusts, and its keys. */
export interface ClientProfile {
  readonly tenantId: string;
  readonly clientId: string;
  /** The public user identity it shares with the user's other clients (seed: the problem). */
  readonly publicUserIdentity: string;
  /** Every identity that names this device (instance URN, IMEI, MAC...); GRUUs are added on registration. */
  readonly identities: readonly DeviceIdentity[];
  /** Targeted / broadcast-identity SIRs (seed §S7, §S8). */
  readonly clientKey: SirKey;
  /** Broadcast SIRs without identity (seed §S9); without it such SIRs are refused. */
  readonly userKey?: SirKey;
  /** OMA Push MO TrustedPPG (reliability.md (d)): the only servers a SIR may send it to. */
  readonly trustedPpgAddresses: readonly string[];
  /** seed §C2: the PPG(s) its service subscription requires; undefined = any trusted one. */
  readonly subscribedPpgAddresses?: readonly string[];
  /** What it returns when a SIR asks (seed §C4). */
  readonly info: ClientInfoSource;
}
