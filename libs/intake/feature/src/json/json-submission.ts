import { randomUUID } from 'node:crypto';
import type { PiRules } from '@waken/intake-data-access';
import { checkPushContent, ContentPolicyError, PapError } from '@waken/intake-pap';
import { notifyUrlProblem } from '../intake/notify-url-policy';
import { checkRules } from '../intake/pi-rules';
import { jsonRecipientOf } from '../intake/recipient-address';
import type { Submission, SubmittedRecipient } from '../intake/submission';
import type { CreatePushDto } from './create-push.dto';
import { JsonInputError } from './json-input-error';

/** Same bound as PAP (intake-pap DEFAULT_MAX_DELIVER_AHEAD_MS): 30 days. */
const MAX_AHEAD_MS = 30 * 24 * 3600 * 1000;

export interface JsonSubmissionContext {
  readonly rules: PiRules;
  readonly allowPrivateNotifyUrls: boolean;
  readonly now: Date;
}

/** A validated CreatePushDto as a Submission, with the same checks as PAP (reliability.md #13-#15). */
export function jsonSubmissionOf(dto: CreatePushDto, ctx: JsonSubmissionContext): Submission {
  const recipients = recipientsOf(dto.recipients);
  const content = contentOf(dto, ctx.rules.trusted);
  const refusal = checkRules(ctx.rules, { recipients, content });
  if (refusal) throw new JsonInputError(403, 'forbidden', refusal.desc);
  const notifyProblem = dto.notifyUrl === undefined ? undefined : notifyUrlProblem(dto.notifyUrl, ctx.allowPrivateNotifyUrls);
  if (notifyProblem) throw new JsonInputError(400, 'invalid-notify-url', notifyProblem);
  return {
    origin: 'json',
    pushId: dto.pushId ?? randomUUID(),
    recipients,
    content,
    qos: { priority: dto.qos?.priority ?? 'medium', deliveryMethod: dto.qos?.deliveryMethod ?? 'notspecified' },
    ...windowOf(dto, ctx.now),
    ...(dto.sourceReference !== undefined && { sourceReference: dto.sourceReference }),
    ...(dto.notifyUrl !== undefined && { notifyUrl: dto.notifyUrl }),
    progressNotesRequested: false,
    targetDevices: (dto.targetDevices ?? []).map((d) => ({ kind: d.kind, value: d.value })),
  };
}

function recipientsOf(values: readonly string[]): SubmittedRecipient[] {
  const seen = new Set<string>();
  const out: SubmittedRecipient[] = [];
  for (const value of values) {
    let r: SubmittedRecipient;
    try {
      r = jsonRecipientOf(value);
    } catch (e) {
      if (e instanceof PapError) throw new JsonInputError(400, 'invalid-recipient', `${value.slice(0, 100)}: ${e.desc}`);
      throw e;
    }
    // the same user twice counts once, as in PAP (intake-pap README "Addresses")
    if (!seen.has(r.publicUserIdentity)) out.push(r);
    seen.add(r.publicUserIdentity);
  }
  return out;
}

function contentOf(dto: CreatePushDto, trusted: boolean): Submission['content'] {
  const { body, bodyBase64, contentType, applicationId } = dto.content;
  if ((body === undefined) === (bodyBase64 === undefined)) throw new JsonInputError(400, 'invalid-content', 'give exactly one of content.body and content.bodyBase64');
  const bytes = body !== undefined ? Buffer.from(body, 'utf8') : Buffer.from(bodyBase64 as string, 'base64');
  const mediaType = contentType.toLowerCase();
  try {
    checkPushContent(mediaType, bytes, { trusted });
  } catch (e) {
    if (e instanceof ContentPolicyError) throw new JsonInputError(e.papCode === 2001 ? 403 : 400, 'content-policy', e.message);
    throw e;
  }
  return { mediaType, body: bytes, ...(applicationId !== undefined && { applicationId }) };
}

/** reliability.md #14: deliver-before in the past, too far ahead, or not after deliver-after is refused. */
function windowOf(dto: CreatePushDto, now: Date): { deliverAfter?: Date; deliverBefore?: Date } {
  const after = dto.deliverAfter === undefined ? undefined : new Date(dto.deliverAfter);
  const before = dto.deliverBefore === undefined ? undefined : new Date(dto.deliverBefore);
  const bad = (why: string) => new JsonInputError(400, 'invalid-window', why);
  for (const t of [after, before]) {
    if (t && (Number.isNaN(t.getTime()) || t.getTime() - now.getTime() > MAX_AHEAD_MS)) throw bad('timestamps must be valid and at most 30 days ahead');
  }
  if (before && before.getTime() <= now.getTime()) throw bad('deliverBefore is in the past');
  if (before && after && before.getTime() <= after.getTime()) throw bad('deliverBefore must be after deliverAfter');
  return { ...(after && { deliverAfter: after }), ...(before && { deliverBefore: before }) };
}
