import { ActivationMethod, DeviceIdentity } from '@waken/contracts';
import { ClientPreferences, ClientProfile, Presence, Subscription } from '@waken/registry-domain';
import { RegisteredClient } from './registered-client';
import { ReportedInformation } from './reported-information';

/** The columns of registry_client that the queries select, plus the aggregated identities. */
export interface ClientRow {
  client_id: string;
  capabilities: Record<string, string>;
  preferences: ClientPreferences;
  subscriptions: Subscription[];
  activation_methods: ActivationMethod[];
  connected: boolean;
  session_id: string | null;
  presence_since: Date | null;
  presence_via: string | null;
  sir_key_id: string;
  device_identities: DeviceIdentity[];
}

export interface RegisteredClientRow extends ClientRow {
  sir_key_version: number;
  reported: ReportedInformation;
  created_at: Date;
  updated_at: Date;
}

/** SQL for the identities of client `c`, in the order given, as a jsonb array. */
export const DEVICE_IDENTITIES_SQL = `(SELECT coalesce(jsonb_agg(jsonb_build_object('kind', d.kind, 'value', d.value) ORDER BY d.position), '[]'::jsonb)
   FROM device_identity d WHERE d.tenant_id = c.tenant_id AND d.client_id = c.client_id) AS device_identities`;

export const CLIENT_COLUMNS_SQL = `c.client_id, c.capabilities, c.preferences, c.subscriptions, c.activation_methods,
  c.connected, c.session_id, c.presence_since, c.presence_via, c.sir_key_id`;

/** The clients of user $2 of tenant $1, with what the administration API shows. */
export const CLIENTS_OF_USER_SQL = `SELECT ${CLIENT_COLUMNS_SQL}, c.sir_key_version, c.reported, c.created_at, c.updated_at, ${DEVICE_IDENTITIES_SQL}
FROM registry_client c WHERE c.tenant_id = $1 AND c.user_id = $2`;

export function toClientProfile(row: ClientRow): ClientProfile {
  return {
    clientId: row.client_id,
    deviceIdentities: row.device_identities,
    capabilities: row.capabilities,
    preferences: row.preferences,
    subscriptions: row.subscriptions,
    presence: toPresence(row),
    activationMethods: row.activation_methods,
    sirKeyId: row.sir_key_id,
  };
}

export function toRegisteredClient(row: RegisteredClientRow): RegisteredClient {
  return {
    ...toClientProfile(row),
    sirKeyId: row.sir_key_id,
    sirKeyVersion: row.sir_key_version,
    reported: row.reported,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toPresence(row: ClientRow): Presence {
  const presence: Presence = { connected: row.connected };
  if (row.session_id !== null) presence.sessionId = row.session_id;
  if (row.presence_since !== null) presence.since = row.presence_since.toISOString();
  if (row.presence_via !== null) presence.via = row.presence_via;
  return presence;
}
