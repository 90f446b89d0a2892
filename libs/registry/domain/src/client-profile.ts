import { ActivationMethod, DeviceIdentity } from '@waken/contracts';
import { normaliseDeviceIdentity } from './device-identity';
import { validateActivationMethod } from './activation-method';
import { validateQuietHours } from './quiet-hours';

/** A daily window in which the user does not want pushes on this client (seed S2: preferences). */
export interface QuietHours {
  /** Minutes after local midnight, 0-1439; the window may wrap past midnight. */
  startMinute: number;
  endMinute: number;
  /** An IANA zone ('Europe/Vienna') or a fixed UTC offset ('UTC', 'Z', '+01:00', '-0530'). */
  timeZone: string;
}

export interface ClientPreferences {
  /** Media types this client accepts, `type/*` and `*\/*` allowed; empty means all. */
  contentTypes: string[];
  /** Push application ids (X-Wap-Application-Id) the user allows here; empty means all. */
  applications: string[];
  quietHours?: QuietHours;
  /** The user turned pushes off for this client. */
  optedOut: boolean;
}

/** The client subscribed to a PI's service, or one application of it (seed S2: subscriptions). */
export interface Subscription {
  /** A PI id, or '*' for every PI. */
  piId: string;
  /** An application id; absent or '*' for every application of that PI. */
  applicationId?: string;
}

/** Connection state with the PPG (seed S2; S10 when connected). */
export interface Presence {
  connected: boolean;
  sessionId?: string;
  /** RFC 3339 time the state last changed. */
  since?: string;
  /** Which session endpoint or bearer holds the session. */
  via?: string;
}

/** One client (terminal) of a public user identity, as the registry stores it. */
export interface ClientProfile {
  clientId: string;
  deviceIdentities: DeviceIdentity[];
  capabilities: Record<string, string>;
  preferences: ClientPreferences;
  subscriptions: Subscription[];
  presence: Presence;
  /** How to wake it when not connected, most preferred first (seed S2). */
  activationMethods: ActivationMethod[];
  /** Key id of the per-device key that signs its SIRs (reliability.md, SIR authenticity). */
  sirKeyId?: string;
}

/**
 * The profile with its identities and activation methods in canonical form, checked once
 * when it is registered so that lookups compare canonical values. Throws
 * InvalidDeviceIdentity, InvalidAddress or InvalidQuietHours.
 */
export function normaliseClientProfile(profile: ClientProfile): ClientProfile {
  if (profile.preferences.quietHours) validateQuietHours(profile.preferences.quietHours);
  return {
    ...profile,
    deviceIdentities: profile.deviceIdentities.map(normaliseDeviceIdentity),
    activationMethods: profile.activationMethods.map(validateActivationMethod),
  };
}
