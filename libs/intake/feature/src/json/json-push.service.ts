import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { isDatabaseUnavailable, PushInitiator } from '@waken/intake-data-access';
import { INTAKE_OPTIONS, IntakeOptions } from '../intake.options';
import { AcceptResult, PushAcceptor } from '../intake/push-acceptor.service';
import type { Submission } from '../intake/submission';
import { IntakeRefusal } from '../http/intake-refusal';
import { PiAuthenticator } from '../http/pi-authenticator';
import { PiCredentials } from '../http/pi-credentials';
import { validateCreatePush } from './dto-validation';
import { JsonInputError } from './json-input-error';
import { jsonSubmissionOf } from './json-submission';
import { pushViewOf } from './push-view';
import { parseStrictJson } from './strict-json';

export interface JsonAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const NOT_FOUND: JsonAnswer = { status: 404, body: { statusCode: 404, error: 'not-found', message: 'no such push' } };

/**
 * The JSON API with the same power as PAP: create (Idempotency-Key), read, cancel. Foreign ids,
 * another tenant's or another PI's, are plain 404s (reliability.md #18, OWASP API1).
 */
@Injectable()
export class JsonPushService {
  constructor(
    private readonly auth: PiAuthenticator,
    private readonly acceptor: PushAcceptor,
    @Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions,
  ) {}

  create(credentials: PiCredentials, contentType: string | undefined, idemKey: string | undefined, body: Buffer): Promise<JsonAnswer> {
    return this.answer(credentials, async (pi) => {
      if (!/^application\/json\s*(;|$)/i.test(contentType ?? '')) throw new JsonInputError(415, 'unsupported-media-type', 'Content-Type must be application/json');
      if (idemKey !== undefined && !IDEMPOTENCY_KEY.test(idemKey)) throw new JsonInputError(400, 'invalid-idempotency-key', 'Idempotency-Key must be 1-200 printable ASCII characters');
      const dto = await validateCreatePush(parseStrictJson(body));
      const s = jsonSubmissionOf(dto, { rules: pi, allowPrivateNotifyUrls: this.options.allowPrivateNotifyUrls, now: new Date() });
      if (idemKey === undefined) return createdAnswer(s, await this.acceptor.accept(pi, s));
      const requestHash = createHash('sha256').update(body).digest('hex');
      const ref = { tenantId: pi.tenantId, piId: pi.piId, key: idemKey };
      const done = await this.acceptor.acceptIdempotent(pi, s, { ref, requestHash, answer: (r) => createdAnswer(s, r) });
      if (!done.replay || done.replay.fresh) return createdAnswer(s, done.result);
      if (done.replay.requestHash !== requestHash) return conflict('idempotency-key-reused', 'this Idempotency-Key was used with another body');
      return { status: done.replay.status, body: done.replay.body };
    });
  }

  get(credentials: PiCredentials, pushId: string): Promise<JsonAnswer> {
    return this.answer(credentials, async (pi) => {
      const push = await this.acceptor.find(pi, pushId);
      return push ? { status: 200, body: pushViewOf(push) } : NOT_FOUND;
    });
  }

  cancel(credentials: PiCredentials, pushId: string): Promise<JsonAnswer> {
    return this.answer(credentials, async (pi) => {
      const result = await this.acceptor.cancel(pi, pushId);
      if (result.kind === 'not-found') return NOT_FOUND;
      if (result.kind === 'not-possible') return conflict('cancellation-not-possible', `the push is already ${result.push.state}`);
      const push = await this.acceptor.find(pi, pushId);
      return { status: 200, body: push ? pushViewOf(push) : { pushId, state: 'cancelled' } };
    });
  }

  private async answer(credentials: PiCredentials, work: (pi: PushInitiator) => Promise<JsonAnswer>): Promise<JsonAnswer> {
    try {
      return await work(await this.auth.authenticate(credentials));
    } catch (e) {
      if (e instanceof JsonInputError) return { status: e.status, body: { statusCode: e.status, error: e.error, message: e.message } };
      const refusal = e instanceof IntakeRefusal ? e : isDatabaseUnavailable(e) ? new IntakeRefusal('unavailable', 503, 'the push store is unavailable', this.options.unavailableRetryAfterS) : undefined;
      if (!refusal) throw e;
      const headers: Record<string, string> = refusal.retryAfterS === undefined ? {} : { 'retry-after': String(refusal.retryAfterS) };
      if (refusal.kind === 'unauthorized') headers['www-authenticate'] = 'Bearer realm="waken"';
      return { status: refusal.status, body: { statusCode: refusal.status, error: refusal.kind, message: refusal.message }, headers };
    }
  }
}

function createdAnswer(s: Submission, result: AcceptResult): { status: number; body: unknown; headers?: Record<string, string> } {
  if (result.kind === 'duplicate') return { status: 409, body: { statusCode: 409, error: 'duplicate-push-id', message: `pushId ${s.pushId} was already used (PAP 2007)` } };
  const body = {
    pushId: s.pushId,
    id: result.id,
    state: 'pending',
    recipients: s.recipients.map((r) => ({ address: r.addressValue, publicUserIdentity: r.publicUserIdentity, state: 'pending' })),
    receivedAt: result.receivedAt.toISOString(),
    ...(s.deliverAfter && { deliverAfter: s.deliverAfter.toISOString() }),
    ...(s.deliverBefore && { deliverBefore: s.deliverBefore.toISOString() }),
  };
  return { status: 202, body, headers: { location: `/v1/pushes/${encodeURIComponent(s.pushId)}` } };
}

function conflict(error: string, message: string): JsonAnswer {
  return { status: 409, body: { statusCode: 409, error, message } };
}
