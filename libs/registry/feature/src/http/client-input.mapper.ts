import { BadRequestException } from '@nestjs/common';
import { ActivationMethod, DeviceIdentity } from '@waken/contracts';
import {
  ClientPreferences,
  InvalidAddress,
  InvalidDeviceIdentity,
  InvalidQuietHours,
  deviceIdentityKey,
  normaliseDeviceIdentity,
  validateActivationMethod,
  validateQuietHours,
} from '@waken/registry-domain';
import { ClientChanges } from '@waken/registry-data-access';
import { UpdateClientDto } from '../dto/update-client.dto';
import { PreferencesDto } from '../dto/preferences.dto';

/** seed §S2 data as the registry stores it: canonical identities and addresses (registry-domain). */
export function toClientChanges(dto: UpdateClientDto): ClientChanges {
  const changes: ClientChanges = {};
  if (dto.deviceIdentities) changes.deviceIdentities = canonicalIdentities(dto.deviceIdentities);
  if (dto.activationMethods) changes.activationMethods = canonicalMethods(dto.activationMethods);
  if (dto.preferences) changes.preferences = preferencesOf(dto.preferences);
  if (dto.capabilities) changes.capabilities = { ...dto.capabilities };
  if (dto.subscriptions) changes.subscriptions = dto.subscriptions.map((s) => (s.applicationId === undefined ? { piId: s.piId } : { piId: s.piId, applicationId: s.applicationId }));
  return changes;
}

function canonicalIdentities(identities: DeviceIdentity[]): DeviceIdentity[] {
  const seen = new Set<string>();
  return identities.map((identity, i) => {
    const canonical = field(`deviceIdentities.${i}`, () => normaliseDeviceIdentity({ kind: identity.kind, value: identity.value }));
    const key = deviceIdentityKey(canonical);
    if (seen.has(key)) throw new BadRequestException([`deviceIdentities.${i} names the same device as an earlier entry`]);
    seen.add(key);
    return canonical;
  });
}

function canonicalMethods(methods: ActivationMethod[]): ActivationMethod[] {
  return methods.map((m, i) => field(`activationMethods.${i}`, () => validateActivationMethod({ bearer: m.bearer, address: m.address })));
}

function preferencesOf(dto: PreferencesDto): ClientPreferences {
  const preferences: ClientPreferences = {
    contentTypes: [...(dto.contentTypes ?? [])],
    applications: [...(dto.applications ?? [])],
    optedOut: dto.optedOut ?? false,
  };
  if (dto.quietHours) {
    const { startMinute, endMinute, timeZone } = dto.quietHours;
    preferences.quietHours = { startMinute, endMinute, timeZone };
    field('preferences.quietHours', () => validateQuietHours({ startMinute, endMinute, timeZone }));
  }
  return preferences;
}

/** Runs a registry-domain check; its typed error becomes a 400 naming the field. */
function field<T>(path: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof InvalidDeviceIdentity || error instanceof InvalidAddress || error instanceof InvalidQuietHours) {
      throw new BadRequestException([`${path}: ${error.message}`]);
    }
    throw error;
  }
}

export const DEFAULT_PREFERENCES: ClientPreferences = { contentTypes: [], applications: [], optedOut: false };
