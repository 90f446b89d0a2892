import { ActivationMethod, DeviceIdentity } from '@waken/contracts';
import { ClientPreferences, ClientProfile, Subscription, UserProfile, WakePolicy } from '@waken/registry-domain';
import { ReportedInformation } from './reported-information';

/** A client as the administration API shows it: the profile plus key version and reports. */
export interface RegisteredClient extends ClientProfile {
  sirKeyId: string;
  sirKeyVersion: number;
  reported: ReportedInformation;
  createdAt: string;
  updatedAt: string;
}

export interface RegisteredUser extends UserProfile {
  clients: RegisteredClient[];
  createdAt: string;
  updatedAt: string;
}

/** Tenant and public user identity: the lookup key of a user (unique per tenant). */
export interface UserRef {
  tenantId: string;
  publicUserIdentity: string;
}

/** A client to register; identities and activation methods already in canonical form. */
export interface NewClient {
  clientId: string;
  deviceIdentities: DeviceIdentity[];
  capabilities: Record<string, string>;
  preferences: ClientPreferences;
  subscriptions: Subscription[];
  activationMethods: ActivationMethod[];
  sirKeyId: string;
  sirKeyVersion: number;
}

/** Fields of a client to replace; absent fields stay as they are. */
export type ClientChanges = Partial<Omit<NewClient, 'clientId'>>;

export interface UserChanges {
  wakePolicy?: WakePolicy;
}
