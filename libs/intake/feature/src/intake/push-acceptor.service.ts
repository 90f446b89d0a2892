import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PUSH_ACCEPTED_V1 } from '@waken/contracts';
import {
  IdempotencyClaim,
  IdempotencyKeyRef,
  IdempotencyRepository,
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

  constructor(
    @Inject(INTAKE_DATA_SOURCE) private readonly ds: DataSource,
    private readonly outcomes: OutcomeWriter,
    private readonly relay: OutboxRelay,
  ) {}

  async accept(pi: PushInitiator, s: Submission): Promise<AcceptResult> {
    return (await this.acceptIdempotent(pi, s)).result;
  }

  /** With an Idempotency-Key: a replay returns the stored claim instead of a result. */
  async acceptIdempotent(pi: PushInitiator, s: Submission, idem?: IdempotencyStep): Promise<{ result: AcceptResult; replay?: IdempotencyClaim }> {
    const now = new Date();
    const id = randomUUID();
    const outbox = acceptedEvents(id, pi.tenantId, pi.piId, s, now);
    const done = await this.ds.transaction(async (m) => {
      if (idem) {
        const claim = await this.idempotency.claim(m, idem.ref, idem.requestHash);
        if (!claim.fresh) return { result: { kind: 'duplicate' } as AcceptResult, replay: claim };
      }
      const result = await this.insert(m, pi, s, id, now, outbox);
      if (idem) {
        const answer = idem.answer(result);
        await this.idempotency.complete(m, idem.ref, answer.status, answer.body);
      }
      return { result };
    });
    if (done.result.kind === 'accepted' && !s.deliverAfter) this.relay.kick();
    return done;
  }

  private async insert(m: EntityManager, pi: PushInitiator, s: Submission, id: string, now: Date, outbox: ReturnType<typeof acceptedEvents>): Promise<AcceptResult> {
    const inserted = await this.pushes.insert(m, {
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
    });
    // PAP 2007: the (tenant, PI, push-id) unique key refused it; nothing was written
    if (!inserted) return { kind: 'duplicate' };
    await this.outbox.add(m, id, outbox);
    return { kind: 'accepted', id, receivedAt: now };
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
