import type { PiRules } from '@waken/intake-data-access';
import type { Submission } from './submission';

/** Why the rules refused a push: PAP 2001 Forbidden / HTTP 403. */
export interface RuleRefusal {
  readonly desc: string;
}

/** `*` matches any run of characters; everything else literally (no regex from PI data). */
export function globMatches(pattern: string, value: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === value;
  if (!value.startsWith(parts[0]) || !value.endsWith(parts[parts.length - 1])) return false;
  let at = parts[0].length;
  const end = value.length - parts[parts.length - 1].length;
  for (const part of parts.slice(1, -1)) {
    const found = value.indexOf(part, at);
    if (found < 0 || found + part.length > end) return false;
    at = found + part.length;
  }
  return at <= end;
}

export function mayReachUser(rules: PiRules, publicUserIdentity: string): boolean {
  return rules.allowedUserPatterns.some((p) => globMatches(p, publicUserIdentity));
}

function mayUseContentType(rules: PiRules, mediaType: string): boolean {
  const type = mediaType.toLowerCase();
  return rules.allowedContentTypes.some((p) => p === '*' || p.toLowerCase() === type || (p.endsWith('/*') && type.startsWith(p.toLowerCase().slice(0, -1))));
}

function mayUseApplication(rules: PiRules, applicationId: string | undefined): boolean {
  return rules.allowedApplications.some((p) => p === '*' || (applicationId !== undefined && globMatches(p, applicationId)));
}

/**
 * The PI's rules (reliability.md (d): per-PI whitelists as in Kannel): which users, applications
 * and content types it may push. Users outside the patterns, e.g. another tenant's, are refused.
 */
export function checkRules(rules: PiRules, submission: Pick<Submission, 'recipients' | 'content'>): RuleRefusal | undefined {
  const user = submission.recipients.find((r) => !mayReachUser(rules, r.publicUserIdentity));
  if (user) return { desc: `this PI may not push to ${user.addressValue.slice(0, 200)}` };
  if (!mayUseContentType(rules, submission.content.mediaType)) return { desc: `this PI may not push ${submission.content.mediaType.slice(0, 100)}` };
  if (!mayUseApplication(rules, submission.content.applicationId)) return { desc: 'this PI may not push to that application' };
  return undefined;
}
