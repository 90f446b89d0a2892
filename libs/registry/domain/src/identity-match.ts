import { DeviceIdentity } from '@waken/contracts';
import { deviceIdentityKey } from './device-identity';
import { InvalidDeviceIdentity } from './invalid-device-identity.error';

// A public GRUU embeds the instance id (RFC 5627 §3.1): `;gr=urn:uuid:…` names the same
// device as the uuid identity `urn:uuid:…`.
const GR_UUID = /;gr=(urn:uuid:[0-9a-f-]{36})(?:;|$)/;

/**
 * The keys under which an identity can be matched: its canonical key and, for a public
 * GRUU, the key of the instance UUID it carries. An invalid identity matches nothing.
 */
export function identityMatchKeys(identity: DeviceIdentity): string[] {
  let key: string;
  try {
    key = deviceIdentityKey(identity);
  } catch (error) {
    if (error instanceof InvalidDeviceIdentity) return [];
    throw error;
  }
  const instance = identity.kind === 'gruu' ? GR_UUID.exec(key) : null;
  return instance ? [key, `uuid ${instance[1]}`] : [key];
}

/** True when the two lists share a device (canonical comparison, seed S3). */
export function sharesDevice(named: DeviceIdentity[], carried: DeviceIdentity[]): boolean {
  const wanted = new Set(named.flatMap(identityMatchKeys));
  return carried.flatMap(identityMatchKeys).some((key) => wanted.has(key));
}
