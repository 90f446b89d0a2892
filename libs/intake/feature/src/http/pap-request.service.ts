import { Inject, Injectable } from '@nestjs/common';
import { isDatabaseUnavailable, PushInitiator } from '@waken/intake-data-access';
import {
  ContentPolicyError,
  MultipartError,
  PapError,
  parseContentType,
  parseMultipartRelated,
  parsePapDocument,
  writeBadMessageResponse,
  writePushResponse,
} from '@waken/intake-pap';
import { INTAKE_OPTIONS, IntakeOptions } from '../intake.options';
import { IntakeRefusal } from './intake-refusal';
import { PapAnswer, papAnswer, papErrorAnswer } from './pap-answer';
import { PapPushService } from './pap-push.service';
import { PapQueryService } from './pap-query.service';
import { PiAuthenticator } from './pi-authenticator';
import { PiCredentials } from './pi-credentials';

const XML_TYPES = new Set(['application/xml', 'text/xml']);

/**
 * One PAP request (pap.md §3): a multipart/related push submission, or a single XML entity
 * (cancel, statusquery, ccq). Every typed fault becomes its PAP answer; the database being down
 * becomes 503 + Retry-After + PAP 4001 (reliability.md R2). Only a bug escapes (500).
 */
@Injectable()
export class PapRequestService {
  constructor(
    private readonly auth: PiAuthenticator,
    private readonly pushes: PapPushService,
    private readonly queries: PapQueryService,
    @Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions,
  ) {}

  async handle(credentials: PiCredentials, contentType: string | undefined, body: Buffer): Promise<PapAnswer> {
    let pi: PushInitiator;
    try {
      pi = await this.auth.authenticate(credentials);
    } catch (e) {
      if (e instanceof IntakeRefusal) return refusalAnswer(e);
      throw e;
    }
    const ct = parseContentType(contentType ?? '');
    try {
      if (ct?.mediaType === 'multipart/related') return await this.pushes.push(pi, body, contentType ?? '');
      if (ct && XML_TYPES.has(ct.mediaType)) return await this.single(pi, body);
      return papAnswer(2000, writeBadMessageResponse({ result: { code: 2000, desc: 'Content-Type must be multipart/related or application/xml' } }));
    } catch (e) {
      return this.faultAnswer(e, body, contentType ?? '');
    }
  }

  private single(pi: PushInitiator, body: Buffer): Promise<PapAnswer> {
    const doc = parsePapDocument(body);
    const details = { version: doc.version };
    switch (doc.kind) {
      case 'cancel-message':
        return this.queries.cancel(pi, doc);
      case 'statusquery-message':
        return this.queries.statusQuery(pi, doc);
      case 'ccq-message':
        return this.queries.ccq(pi, doc);
      case 'push-message':
        throw new PapError(2000, 'a push-message needs a multipart/related submission with its content', { ...details, operation: 'push-message', requestId: doc.pushId });
      default:
        throw new PapError(2000, `${doc.kind} is not a request to the PPG`, details);
    }
  }

  private faultAnswer(e: unknown, body: Buffer, contentType: string): PapAnswer {
    const retryAfter = { 'retry-after': String(this.options.unavailableRetryAfterS) };
    if (e instanceof PapError) return papErrorAnswer(e, e.code === 4001 ? retryAfter : undefined);
    if (e instanceof MultipartError) {
      return { ...papAnswer(2000, writeBadMessageResponse({ result: { code: 2000, desc: e.message.slice(0, 200) } })), status: e.httpStatus };
    }
    if (e instanceof ContentPolicyError) {
      // the control entity was read before the content was refused: answer with its push-id
      const pushId = pushIdOf(body, contentType);
      if (pushId) return papAnswer(e.papCode, writePushResponse({ pushId, result: { code: e.papCode, desc: e.message.slice(0, 200) } }));
      return papAnswer(e.papCode, writeBadMessageResponse({ result: { code: e.papCode, desc: e.message.slice(0, 200) } }));
    }
    if (e instanceof IntakeRefusal) return refusalAnswer(e);
    if (isDatabaseUnavailable(e)) return refusalAnswer(new IntakeRefusal('unavailable', 503, 'the push store is unavailable', this.options.unavailableRetryAfterS));
    throw e;
  }
}

/** 401 (PAP 2001), 429 and 503 (PAP 4001) with Retry-After. */
function refusalAnswer(refusal: IntakeRefusal): PapAnswer {
  const code = refusal.kind === 'unauthorized' ? 2001 : 4001;
  const headers: Record<string, string> = refusal.retryAfterS === undefined ? {} : { 'retry-after': String(refusal.retryAfterS) };
  if (refusal.kind === 'unauthorized') headers['www-authenticate'] = 'Bearer realm="waken-pap"';
  const body = writeBadMessageResponse({ result: { code, desc: refusal.message } });
  return { status: refusal.status, contentType: 'application/xml; charset=utf-8', body, headers };
}

function pushIdOf(body: Buffer, contentType: string): string | undefined {
  try {
    const doc = parsePapDocument(parseMultipartRelated(body, contentType).parts[0].body);
    return doc.kind === 'push-message' ? doc.pushId : undefined;
  } catch {
    return undefined;
  }
}
