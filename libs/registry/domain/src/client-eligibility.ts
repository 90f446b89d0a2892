import { PushAcceptedV1 } from '@waken/contracts';
import { ClientProfile, QuietHours, Subscription } from './client-profile';
import { InvalidQuietHours } from './invalid-quiet-hours.error';
import { isWithinQuietHours } from './quiet-hours';

/** Why a client was not selected; undefined when it is eligible. */
export type Ineligibility =
  | 'opted-out'
  | 'not-subscribed'
  | 'content-type-not-accepted'
  | 'application-not-allowed'
  | 'quiet-hours';

/**
 * seed S3: whether the PPG selects this client for a push that named no device, from its
 * preferences and subscriptions (S2). Quiet hours hold back 'medium' and 'low' pushes;
 * a 'high' priority push goes through them (PAP priority, the user's do-not-disturb
 * letting urgent items through). Opt-out is never overridden.
 */
export function clientIneligibility(client: ClientProfile, push: PushAcceptedV1, now: Date): Ineligibility | undefined {
  const prefs = client.preferences;
  const applicationId = push.content.applicationId;
  if (prefs.optedOut) return 'opted-out';
  if (!client.subscriptions.some((s) => subscriptionCovers(s, push.piId, applicationId))) return 'not-subscribed';
  if (!acceptsContentType(prefs.contentTypes, push.content.contentType)) return 'content-type-not-accepted';
  if (applicationId && prefs.applications.length > 0 && !prefs.applications.some((a) => sameToken(a, applicationId))) {
    return 'application-not-allowed';
  }
  if (push.qos.priority !== 'high' && prefs.quietHours && quietNow(prefs.quietHours, now)) return 'quiet-hours';
  return undefined;
}

export function subscriptionCovers(sub: Subscription, piId: string, applicationId: string | undefined): boolean {
  if (sub.piId !== '*' && sub.piId !== piId) return false;
  if (sub.applicationId === undefined || sub.applicationId === '*') return true;
  return applicationId !== undefined && sameToken(sub.applicationId, applicationId);
}

/** Media types compare case-insensitively without parameters (RFC 9110 §8.3.1). */
export function acceptsContentType(accepted: string[], contentType: string): boolean {
  if (accepted.length === 0) return true;
  const [type, subtype] = mediaType(contentType).split('/');
  return accepted.some((pattern) => {
    const [pType, pSubtype] = mediaType(pattern).split('/');
    return (pType === '*' || pType === type) && (pSubtype === '*' || pSubtype === subtype);
  });
}

function mediaType(value: string): string {
  return value.split(';')[0].trim().toLowerCase();
}

function sameToken(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

// A stored preference that cannot be evaluated must not silently drop pushes.
function quietNow(quiet: QuietHours, now: Date): boolean {
  try {
    return isWithinQuietHours(quiet, now);
  } catch (error) {
    if (error instanceof InvalidQuietHours) return false;
    throw error;
  }
}
