import { ClientSnapshot, DeviceIdentity } from '@waken/contracts';
import { ClientProfile } from './client-profile';
import { tryNormaliseDeviceIdentity } from './device-identity';

// ClientSnapshot limits (libs/contracts registry/client-snapshot.ts).
const MAX_IDENTITIES = 16;
const MAX_ACTIVATION_METHODS = 8;
const MAX_CONTENT_TYPES = 64;
const MAX_CONTENT_TYPE_LENGTH = 200;

/**
 * seed S2: what id-check needs to know of one client: connection state, identities (in
 * canonical form where valid), activation methods in order, accepted content types and
 * opt-out. Lists are cut to the contract's limits so that the event always validates.
 */
export function toClientSnapshot(client: ClientProfile): ClientSnapshot {
  const snapshot: ClientSnapshot = {
    clientId: client.clientId,
    deviceIdentities: client.deviceIdentities.map(canonical).slice(0, MAX_IDENTITIES),
    connected: client.presence.connected,
    activationMethods: client.activationMethods.slice(0, MAX_ACTIVATION_METHODS),
    acceptsContentTypes: client.preferences.contentTypes
      .filter((t) => t.length <= MAX_CONTENT_TYPE_LENGTH)
      .slice(0, MAX_CONTENT_TYPES),
    optedOut: client.preferences.optedOut,
  };
  if (client.presence.connected && client.presence.sessionId) snapshot.sessionId = client.presence.sessionId;
  return snapshot;
}

function canonical(identity: DeviceIdentity): DeviceIdentity {
  return tryNormaliseDeviceIdentity(identity) ?? identity;
}
