import { Inject, Injectable } from '@nestjs/common';
import { FallbackTracker, destinationOf, encapsulateFrom, isExpired, type EncapsulationAttempt, type FallbackStep } from '@waken/bearer-encapsulation';
import type { SirComposedV1 } from '@waken/contracts';
import { LOGGER, type Logger } from '@waken/platform-observability';
import { DeliveryRequestPublisher, type PlannedRequest } from './delivery-request.publisher';
import { EncapsulatorMetrics } from './encapsulator-metrics';
import { ENCAPSULATOR_OPTIONS, FALLBACK_TRACKER, type EncapsulatorOptions } from './encapsulator.options';
import type { FallbackContext } from './fallback-context';

interface Unusable {
  composed: SirComposedV1;
  attempt: EncapsulationAttempt;
  context: FallbackContext;
}

/**
 * seed §S6: turns SIRs into delivery requests, first for their activation method, later for the
 * fallbacks the tracker asks for. Shared by the event handler and the deadline sweeper.
 */
@Injectable()
export class SirDispatcher {
  private evictedSoFar = 0;

  constructor(
    @Inject(ENCAPSULATOR_OPTIONS) private readonly options: EncapsulatorOptions,
    @Inject(FALLBACK_TRACKER) private readonly tracker: FallbackTracker<FallbackContext>,
    private readonly publisher: DeliveryRequestPublisher,
    private readonly metrics: EncapsulatorMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Newly composed SIRs: the first usable method of each; expired SIRs are dropped, never sent. */
  async dispatch(items: Array<{ composed: SirComposedV1; context: FallbackContext }>, now = new Date()): Promise<void> {
    const planned: PlannedRequest[] = [];
    const unusable: Unusable[] = [];
    for (const { composed, context } of items) {
      if (isExpired(composed, now)) {
        this.metrics.refused.inc({ reason: 'expired' });
        this.logger.info({ pushId: composed.pushId, sirId: composed.sir.sirId }, 'SIR expired before encapsulation; not sent');
        continue;
      }
      const attempt = this.attempt(composed, 0, now);
      if (attempt.request && attempt.step !== undefined) {
        this.tracker.remember(composed, context, destinationOf(attempt.request), now, attempt.step);
        planned.push({ request: attempt.request, step: attempt.step, context });
      } else unusable.push({ composed, attempt, context });
    }
    await this.send(planned, 'first', unusable);
  }

  /** Fallback steps the tracker asked for (a failed attempt, or no session by the deadline). */
  async fallBack(steps: FallbackStep<FallbackContext>[], now = new Date()): Promise<void> {
    const planned: PlannedRequest[] = [];
    const unusable: Unusable[] = [];
    for (const { composed, step, context, trigger } of steps) {
      const attempt = this.attempt(composed, step, now);
      if (attempt.request && attempt.step !== undefined) planned.push({ request: attempt.request, step: attempt.step, context });
      else {
        this.tracker.forget(composed.sir.sirId);
        // after a missing session the SIR was delivered: the client may still connect, so no failure is reported
        if (trigger === 'failed') unusable.push({ composed, attempt, context });
      }
    }
    await this.send(planned, 'fallback', unusable);
    for (const { request, step } of planned) this.tracker.published(request.payload.sirId, step, destinationOf(request));
  }

  private attempt(composed: SirComposedV1, from: number, now: Date): EncapsulationAttempt {
    const attempt = encapsulateFrom(composed, from, this.options.encapsulation, now);
    for (const { error, method } of attempt.refused) {
      this.metrics.refused.inc({ reason: error.reason });
      this.logger.warn({ pushId: composed.pushId, sirId: composed.sir.sirId, bearer: method.bearer, reason: error.reason, err: error.message }, 'activation method unusable');
    }
    return attempt;
  }

  private async send(planned: PlannedRequest[], trigger: 'first' | 'fallback', unusable: Unusable[]): Promise<void> {
    await this.publisher.publish(planned);
    for (const { request } of planned) this.metrics.requests.inc({ bearer: request.bearer, trigger });
    for (const { composed, attempt, context } of unusable) {
      const last = attempt.refused[attempt.refused.length - 1];
      if (!last || last.error.reason === 'expired') continue;
      await this.publisher.undeliverable(composed, last.method, last.error.message, context);
    }
    this.metrics.tracked.set(this.tracker.size);
    this.metrics.evicted.inc(this.tracker.evicted - this.evictedSoFar);
    this.evictedSoFar = this.tracker.evicted;
  }
}
