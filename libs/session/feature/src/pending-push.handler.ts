import { Controller } from '@nestjs/common';
import { PushCancelledV1, PushPendingV1 } from '@waken/contracts';
import { EventEnvelope, OnEvents } from '@waken/platform-messaging';
import { SessionCore } from './session-core';

/**
 * Consumes the pending contents and the cancellations (seed §C3, §S10). Each returns only after
 * its effect is in PostgreSQL, so the offset is committed after the row exists; the unique key
 * makes redelivery harmless. A database error propagates: the batch is retried, then dead-lettered.
 */
@Controller()
export class PendingPushHandler {
  constructor(private readonly core: SessionCore) {}

  @OnEvents(PushPendingV1)
  async onPending(batch: EventEnvelope<PushPendingV1>[]): Promise<void> {
    await this.core.intake.accept(batch.map((e) => e.payload));
  }

  @OnEvents(PushCancelledV1)
  async onCancelled(batch: EventEnvelope<PushCancelledV1>[]): Promise<void> {
    await this.core.intake.cancel(batch.map((e) => e.payload));
  }
}
