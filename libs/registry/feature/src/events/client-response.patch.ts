import { ClientRespondedV1 } from '@waken/contracts';
import { ClientPreferences } from '@waken/registry-domain';
import { ClientResponsePatch, ReportedInformation } from '@waken/registry-data-access';

const MAX_LIST = 64;
const MAX_ITEM = 200;

/**
 * seed §C4: what a client returned, as the registry stores it. Capabilities are merged as
 * they are; the preferences the selection (§S3) understands are taken over when well formed:
 * `content-types` and `applications` (comma-separated lists) and `opt-out` (true/false).
 * Everything is also kept as reported.
 */
export function clientResponsePatch(response: ClientRespondedV1): ClientResponsePatch {
  const reported: ReportedInformation = {};
  if (response.preferences) reported.preferences = response.preferences;
  if (response.security) reported.security = response.security;
  if (response.subscription) reported.subscription = response.subscription;
  if (response.rejection !== undefined) reported.rejection = response.rejection;
  if (response.sirId !== undefined) reported.sirId = response.sirId;
  reported.respondedAt = response.respondedAt;
  return { capabilities: response.capabilities ?? {}, preferences: preferencesOf(response.preferences ?? {}), reported };
}

function preferencesOf(reported: Record<string, string>): Partial<ClientPreferences> {
  const preferences: Partial<ClientPreferences> = {};
  const contentTypes = listOf(reported['content-types']);
  if (contentTypes) preferences.contentTypes = contentTypes;
  const applications = listOf(reported['applications']);
  if (applications) preferences.applications = applications;
  const optOut = reported['opt-out']?.trim().toLowerCase();
  if (optOut === 'true' || optOut === 'false') preferences.optedOut = optOut === 'true';
  return preferences;
}

function listOf(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length > MAX_LIST || items.some((s) => s.length > MAX_ITEM || /\s/.test(s))) return undefined;
  return items;
}
