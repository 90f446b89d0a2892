import { Bearer, ClientSnapshot, DeviceIdentity, DeviceIdentityKind } from '@waken/contracts';

/**
 * Which of a client's identities to place in its SIR (seed S5, Table 1): over SIP a GRUU,
 * which the client recognises as its own contact; otherwise the instance UUID; otherwise
 * the first identity the registry holds. Undefined when the client has none.
 */
export function chooseDeviceIdentity(client: ClientSnapshot, bearer: Bearer): DeviceIdentity | undefined {
  const preference: DeviceIdentityKind[] = bearer === 'sip' ? ['gruu', 'uuid'] : ['uuid'];
  for (const kind of preference) {
    const found = client.deviceIdentities.find((identity) => identity.kind === kind);
    if (found) return found;
  }
  return client.deviceIdentities[0];
}
