import type { DeviceIdentityKind, SirDocument, SirInstruction, WakeMode } from '@waken/contracts';
import type { IdentityPlacement } from './identity-placement.types';

/**
 * Wire codes of the SIR extension (docs/sir-wire-format.md §3.4). Code = index + 1, pinned here
 * rather than borrowed from the contract arrays, so reordering a contract list cannot change bytes.
 */
export const MODE_CODES: readonly WakeMode[] = ['single', 'targeted', 'broadcast-identity', 'broadcast', 'connected'];
export const KIND_CODES: readonly DeviceIdentityKind[] = [
  'gruu',
  'uuid',
  'imei',
  'uri',
  'urn',
  'rfid',
  'esn',
  'mac',
  'fingerprint',
];
export const PLACEMENT_CODES: readonly IdentityPlacement[] = ['header', 'value', 'body'];
export const INSTRUCTION_CODES: readonly SirInstruction[] = [
  'return-capabilities',
  'return-preferences',
  'return-security',
  'return-subscription',
  'return-rejection',
  'send-registration',
  'send-capability-push',
];

/** TLV tags; a reader skips tags it does not know so later versions can add fields. */
export const SirTag = {
  SirId: 0x01,
  Mode: 0x02,
  PublicUserIdentity: 0x03,
  DeviceIdentity: 0x04,
  Placement: 0x05,
  ApplicationName: 0x07,
  Instructions: 0x08,
  PpgAddress: 0x09,
  IssuedAt: 0x0a,
  ExpiresAt: 0x0b,
  Nonce: 0x0c,
  KeyId: 0x0d,
  Signature: 0x0e,
} as const;
export type SirTag = (typeof SirTag)[keyof typeof SirTag];

/** The document minus applicationId, which travels in the standard AppIdList. */
export type SirExtensionFields = Omit<SirDocument, 'applicationId'>;
