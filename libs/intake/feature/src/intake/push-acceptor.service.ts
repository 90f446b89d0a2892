import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PUSH_ACCEPTED_V1 } from '@waken/contracts';
import {
  IdempotencyClaim,
  IdempotencyKeyRef,
  IdempotencyRepository,
  NewPush,
  OutboxMessage,
  OutboxRepository,
  PushInitiator,
  PushRecord,
  PushRepository,
} from '@waken/intake-data-access';
import { DataSource, EntityManager } from 'typeorm';
import { INTAKE_DATA_SOURCE } from '../intake.options';
import { OutcomeWriter } from '../outcome/outcome-writer';
import { initialProgress, isFinalState } from '../outcome/push-progress';
import { OutboxRelay } from '../workers/outbox-relay';
import { AcceptBatcher } from './accept-batcher';
import { acceptedEvents, cancelledEvents } from './accepted-events';
import type { Submission } from './submission';

export type AcceptResult = { readonly kind: 'accepted'; readonly id: string; readonly receivedAt: Date } | { readonly kind: 'duplicate' };
export type CancelResult = { readonly kind: 'cancelled'; readonly push: PushRecord } | { readonly kind: 'not-found' } | { readonly kind: 'not-possible'; readonly push: PushRecord };

/** For the JSON API: what to do with an Idempotency-Key inside the accept transaction. */
export interface IdempotencyStep {
  readonly ref: IdempotencyKeyRef;
  readonly requestHash: string;
  /** The answer to store for the key, from the accept result. */
  answer(result: AcceptResult): { status: number; body: unknown };
}

/**
 * seed §S1: stores an accepted push, its recipients and its PushAcceptedV1 outbox records in one
 * transaction, so an accepted push is never lost even when Kafka is down at accept time; the
 * relay publishes them. Cancels and status reads are scoped to the calling PI.
 */
@Injectable()
export class PushAcceptor {
  private readonly pushes = new PushRepository();
  private readonly outbox = new OutboxRepository();
  private readonly idempotency = new IdempotencyRepository();
  private readonly batcher: AcceptBatcher;

  constructor(
    @Inject(INTAKE_DATA_SOURCE) private readonly ds: DataSource,
    private readonly outcomes: OutcomeWriter,
    private readonly relay: OutboxRelay,
  ) {
    this.batcher = new AcceptBatcher(ds);
  }

  /** Group-committed with the accepts arriving at the same time (AcceptBatcher). */
  async accept(pi: PushInitiator, s: Submission): Promise<AcceptResult> {
    const now = new Date();
    const id = randomUUID();
    const written = await this.batcher.submit(newPush(pi, s, id, now), acceptedEvents(id, pi.tenantId, pi.piId, s, now));
    // PAP 2007: the (tenant, PI, push-id) unique key refused it; nothing was written
    if (!written) return { kind: 'duplicate' };
    if (!s.deliverAfter) this.relay.kick();
    return { kind: 'accepted', id, receivedAt: now };
  }

  /** With an Idempotency-Key: a replay returns the stored claim instead of a result. */
  async acceptIdempotent(pi: PushInitiator, s: Submission, idem?: IdempotencyStep): Promise<{ result: AcceptResult; replay?: IdempotencyClaim }> {
    if (!idem) return { result: await this.accept(pi, s) };
    const now = new Date();
    const id = randomUUID();
    const done = await this.ds.transaction(async (m) => {
      const claim = await this.idempotency.claim(m, idem.ref, idem.requestHash);
      if (!claim.fresh) return { result: { kind: 'duplicate' } as AcceptResult, replay: claim };
      const result = await this.insert(m, newPush(pi, s, id, now), acceptedEvents(id, pi.tenantId, pi.piId, s, now));
      const answer = idem.answer(result);
      await this.idempotency.complete(m, idem.ref, answer.status, answer.body);
      return { result };
    });
    if (done.result.kind === 'accepted' && !s.deliverAfter) this.relay.kick();
    return done;
  }

  private async insert(m: EntityManager, push: NewPush, outbox: readonly OutboxMessage[]): Promise<AcceptResult> {
    if (!(await this.pushes.insert(m, push))) return { kind: 'duplicate' };
    await this.outbox.add(m, push.id, outbox);
    return { kind: 'accepted', id: push.id, receivedAt: push.receivedAt };
  }

  find(pi: PushInitiator, pushId: string): Promise<PushRecord | undefined> {
    return this.pushes.findByPushId(this.ds.manager, pi.tenantId, pi.piId, pushId);
  }

  /**
   * PAP cancel-message / DELETE: a push not yet final becomes cancelled; a held push's accepted
   * records are dropped, published ones are followed by PushCancelledV1; a final push is 2008.
   */
  async cancel(pi: PushInitiator, pushId: string): Promise<CancelResult> {
    const result = await this.ds.transaction(async (m): Promise<CancelResult> => {
      const push = await this.pushes.findByPushId(m, pi.tenantId, pi.piId, pushId, true);
      if (!push) return { kind: 'not-found' };
      if (isFinalState(push.state)) return { kind: 'not-possible', push };
      const now = new Date();
      const dropped = await this.outbox.dropUnsent(m, push.id, PUSH_ACCEPTED_V1);
      if (dropped < push.recipients.length) await this.outbox.add(m, push.id, cancelledEvents(push, now));
      await this.outcomes.apply(m, push, [{ kind: 'cancelled' }], now);
      return { kind: 'cancelled', push };
    });
    if (result.kind === 'cancelled') this.relay.kick();
    return result;
  }
}

/** The push row of a submission, as the accept path stores it. */
function newPush(pi: PushInitiator, s: Submission, id: string, now: Date): NewPush {
  return {
    id,
    tenantId: pi.tenantId,
    piId: pi.piId,
    pushId: s.pushId,
    origin: s.origin,
    ...(s.papVersion !== undefined && { papVersion: s.papVersion }),
    ...(s.deliverAfter && { deliverAfter: s.deliverAfter }),
    ...(s.deliverBefore && { deliverBefore: s.deliverBefore }),
    qos: s.qos,
    ...(s.sourceReference !== undefined && { sourceReference: s.sourceReference }),
    ...(s.notifyUrl !== undefined && { notifyUrl: s.notifyUrl }),
    progressNotesRequested: s.progressNotesRequested,
    contentType: s.content.mediaType,
    ...(s.content.applicationId !== undefined && { applicationId: s.content.applicationId }),
    content: s.content.body,
    targetDevices: s.targetDevices,
    progress: initialProgress(s.recipients.length),
    receivedAt: now,
    recipients: s.recipients.map((r, index) => ({ ...r, index })),
  };
}
