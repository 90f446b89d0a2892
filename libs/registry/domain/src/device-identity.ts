import { DEVICE_IDENTITY_KINDS, DeviceIdentity, DeviceIdentityKind } from '@waken/contracts';
import { InvalidDeviceIdentity } from './invalid-device-identity.error';
import { Fail, requireText } from './identity/fail';
import { normaliseFingerprint } from './identity/fingerprint';
import { normaliseGruu } from './identity/gruu';
import { normaliseEsn, normaliseMac, normaliseRfid } from './identity/hardware-ids';
import { normaliseImei } from './identity/imei';
import { normaliseUri } from './identity/uri';
import { normaliseUrn } from './identity/urn';
import { normaliseUuid } from './identity/uuid';

type Normaliser = (value: string, fail: Fail) => string;

// seed "The idea": each kind of device identity the patent names, with one canonical
// spelling per kind so that a stored identity and one named by a PI compare equal.
const NORMALISERS: Record<DeviceIdentityKind, Normaliser> = {
  gruu: normaliseGruu,
  uuid: normaliseUuid,
  imei: normaliseImei,
  uri: normaliseUri,
  urn: normaliseUrn,
  rfid: normaliseRfid,
  esn: normaliseEsn,
  mac: normaliseMac,
  fingerprint: normaliseFingerprint,
};

/**
 * The canonical value of a device identity of the given kind. Throws InvalidDeviceIdentity,
 * and nothing else, for any input, including values of the wrong type.
 */
export function normaliseDeviceIdentityValue(kind: DeviceIdentityKind, value: string): string {
  const fail: Fail = (reason) => {
    throw new InvalidDeviceIdentity(String(kind), reason, value);
  };
  if (!isDeviceIdentityKind(kind)) return fail(`unknown kind; expected one of ${DEVICE_IDENTITY_KINDS.join(', ')}`);
  const trimmed = requireText(value, fail).trim();
  return NORMALISERS[kind](requireText(trimmed, fail), fail);
}

export function normaliseDeviceIdentity(identity: DeviceIdentity): DeviceIdentity {
  return { kind: identity.kind, value: normaliseDeviceIdentityValue(identity.kind, identity.value) };
}

/** The normalised identity, or undefined when it is invalid (for comparisons only). */
export function tryNormaliseDeviceIdentity(identity: DeviceIdentity): DeviceIdentity | undefined {
  try {
    return normaliseDeviceIdentity(identity);
  } catch (error) {
    if (error instanceof InvalidDeviceIdentity) return undefined;
    throw error;
  }
}

/** A string that is equal for two identities exactly when they name the same device. */
export function deviceIdentityKey(identity: DeviceIdentity): string {
  return `${identity.kind} ${normaliseDeviceIdentityValue(identity.kind, identity.value)}`;
}

export function isDeviceIdentityKind(kind: unknown): kind is DeviceIdentityKind {
  return typeof kind === 'string' && (DEVICE_IDENTITY_KINDS as readonly string[]).includes(kind);
}
