import { Controller, Inject } from '@nestjs/common';
import { FallbackTracker, type FallbackStep } from '@waken/bearer-encapsulation';
import { DeliveryReportedV1, SessionOpenedV1, SirComposedV1 } from '@waken/contracts';
import { OnEvents, type EventEnvelope } from '@waken/platform-messaging';
import { FALLBACK_TRACKER } from './encapsulator.options';
import type { FallbackContext } from './fallback-context';
import { SirDispatcher } from './sir-dispatcher';

/**
 * The encapsulator (seed §S6, unit 14): each composed SIR goes out as a delivery request on the
 * bearer of its activation method; a failed attempt with fallbacks left, or a delivered SIR whose
 * target opened no session in time (FallbackSweeper), goes out on the next method (seed §S2).
 */
@Controller()
export class EncapsulatorHandler {
  constructor(
    private readonly dispatcher: SirDispatcher,
    @Inject(FALLBACK_TRACKER) private readonly tracker: FallbackTracker<FallbackContext>,
  ) {}

  @OnEvents(SirComposedV1)
  async onComposed(batch: EventEnvelope<SirComposedV1>[]): Promise<void> {
    await this.dispatcher.dispatch(batch.map((e) => ({ composed: e.payload, context: { key: e.key, cause: e } })));
  }

  @OnEvents(DeliveryReportedV1)
  async onReported(batch: EventEnvelope<DeliveryReportedV1>[]): Promise<void> {
    const now = new Date();
    const steps: FallbackStep<FallbackContext>[] = [];
    for (const e of batch) {
      const next = this.tracker.onReport(e.payload, e.headers.eventId, now);
      // the report caused the fallback: it is the causation, the SIR's key keeps the user's order
      if (next) steps.push({ ...next, context: { key: next.context.key, cause: e } });
    }
    await this.dispatcher.fallBack(steps, now);
  }

  @OnEvents(SessionOpenedV1)
  onSessionOpened(batch: EventEnvelope<SessionOpenedV1>[]): void {
    for (const e of batch) this.tracker.onSessionOpened(e.payload);
  }
}
