import { Controller, Inject } from '@nestjs/common';
import { PushPendingV1, PushPlannedV1, PushResolvedV1, SirRequestedV1 } from '@waken/contracts';
import { planWakeups } from '@waken/id-check-domain';
import { EventEnvelope, EventPublisher, OnEvents, deterministicEventId } from '@waken/platform-messaging';
import { ID_CHECK_OPTIONS, IdCheckOptions } from './id-check.options';

/**
 * seed S4: for each resolved push, decide who needs a SIR (and which kind) and who is already
 * connected; emit the SIR requests, the pending contents and the plan. Stateless: a redelivered
 * input yields the same outputs with the same event ids, which downstream deduplicates.
 */
@Controller()
export class IdCheckHandler {
  constructor(
    private readonly publisher: EventPublisher,
    @Inject(ID_CHECK_OPTIONS) private readonly options: IdCheckOptions,
  ) {}

  @OnEvents(PushResolvedV1)
  async onResolved(batch: EventEnvelope<PushResolvedV1>[]): Promise<void> {
    const sirs: Parameters<EventPublisher['publish']>[1] = [];
    const pending: typeof sirs = [];
    const plans: typeof sirs = [];
    const now = new Date();
    for (const e of batch) {
      const plan = planWakeups(e.payload, { now, sirTtlMs: this.options.sirTtlMs, instructions: this.options.instructions });
      const id = (kind: string, n: string) => deterministicEventId('id-check', e.headers.eventId, kind, n);
      sirs.push(...plan.sirRequests.map((p) => ({ key: e.key, payload: p, causation: e, eventId: id('sir', p.sirRequestId) })));
      pending.push(...plan.pending.map((p) => ({ key: e.key, payload: p, causation: e, eventId: id('pending', p.clientId) })));
      const payload = plan.unreachableClientIds.length ? { ...plan.plan, unreachableClientIds: plan.unreachableClientIds } : plan.plan;
      plans.push({ key: e.key, payload, causation: e, eventId: id('plan', '') });
    }
    // the plan last: once the outcome tracker sees it, the SIRs and pending contents exist
    await Promise.all([this.publisher.publish(SirRequestedV1, sirs), this.publisher.publish(PushPendingV1, pending)]);
    await this.publisher.publish(PushPlannedV1, plans);
  }
}
