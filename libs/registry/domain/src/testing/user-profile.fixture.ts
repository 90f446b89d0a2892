import { PushAcceptedV1 } from '@waken/contracts';
import { ClientProfile } from '../client-profile';
import { UserProfile } from '../user-profile';

export const AOR = 'sip:+43-8323546@mobilkom.at';
export const uuidOf = (n: number): string => `f81d4fae-7dec-11d0-a765-00a0c91e6b${n.toString(16).padStart(2, '0')}`;

/** A client of the seed's example user, subscribed to every PI, accepting everything. */
export function client(id: string, n: number, overrides: Partial<ClientProfile> = {}): ClientProfile {
  return {
    clientId: id,
    deviceIdentities: [{ kind: 'uuid', value: `urn:uuid:${uuidOf(n)}` }],
    capabilities: {},
    preferences: { contentTypes: [], applications: [], optedOut: false },
    subscriptions: [{ piId: '*' }],
    presence: { connected: false },
    activationMethods: [{ bearer: 'sip', address: `${AOR};gr=urn:uuid:${uuidOf(n)}` }],
    ...overrides,
  };
}

export function user(clients: ClientProfile[], overrides: Partial<UserProfile> = {}): UserProfile {
  return { tenantId: 'mobilkom', publicUserIdentity: AOR, wakePolicy: 'auto', clients, ...overrides };
}

export function push(overrides: Partial<PushAcceptedV1> = {}): PushAcceptedV1 {
  return {
    ...PushAcceptedV1.example,
    targetDevices: [],
    ...overrides,
  };
}
