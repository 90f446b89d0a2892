import { DeliveryReportedV1 } from '@waken/contracts';
import { EventEnvelope, EventPublisher, deterministicEventId } from '@waken/platform-messaging';
import { Logger, withLogContext } from '@waken/platform-observability';
import { ConcurrencyGate } from './concurrency-gate';
import { AttemptResult, DeliveryAttemptLoop } from './delivery-attempt-loop';
import { DeliveryClock, systemClock } from './delivery-clock';
import { DeliveryLedger } from './delivery-ledger';
import { DeliveryMetrics } from './delivery-metrics';
import { DeliveryPolicy } from './delivery-policy';
import { DeliveryReportFactory } from './delivery-report-factory';
import { BearerAdapter, DeliveryOrigin, DeliveryRequest } from './delivery-request';

export interface DeliveryRunnerParts<R extends DeliveryRequest> {
  /** The app name: the source of report event ids and the consumer group. */
  service: string;
  publisher: EventPublisher;
  adapter: BearerAdapter<R>;
  policy: DeliveryPolicy;
  /** Aborted when the app starts shutting down (DeliveryDrain). */
  drain: AbortSignal;
  logger: Logger;
  metrics?: DeliveryMetrics;
  clock?: DeliveryClock;
  random?: () => number;
}

/**
 * The delivery machinery one app's handler delegates to: the records of a batch are transmitted
 * concurrently under the app's cap, each (sirId, destination) at most once per process, and
 * every request ends in one DeliveryReportedV1 published as soon as it is known.
 */
export class DeliveryBatchRunner<R extends DeliveryRequest> {
  private readonly loop: DeliveryAttemptLoop<R>;
  private readonly reports: DeliveryReportFactory;
  private readonly ledger: DeliveryLedger;
  private readonly gate: ConcurrencyGate;

  constructor(private readonly parts: DeliveryRunnerParts<R>) {
    const clock = parts.clock ?? systemClock;
    const { maxAttempts, initialBackoffMs, maxBackoffMs } = parts.policy;
    this.loop = new DeliveryAttemptLoop(parts.adapter, { maxAttempts, initialBackoffMs, maxBackoffMs }, clock, parts.drain, parts.random);
    this.reports = new DeliveryReportFactory(parts.adapter.bearer, () => clock.now());
    this.ledger = new DeliveryLedger(parts.policy.dedupeCapacity);
    this.gate = new ConcurrencyGate(parts.policy.concurrency);
  }

  /** Requests being transmitted / waiting for a slot right now. */
  get load(): { active: number; queued: number } {
    return { active: this.gate.active, queued: this.gate.queued };
  }

  /** Resolves when every record has been reported; throws (batch retried) if a report could not be published. */
  async handle(batch: EventEnvelope<R>[]): Promise<void> {
    const failures: unknown[] = [];
    await Promise.all(
      batch.map((e) =>
        withLogContext({ correlationId: e.headers.correlationId, pushId: e.payload.pushId, eventId: e.headers.eventId }, () =>
          this.deliver(e).catch((err: unknown) => failures.push(err)),
        ),
      ),
    );
    if (failures.length > 0) throw failures[0];
  }

  /** Publishes a report that arrives after the handler returned (SMS delivery receipts). */
  async publishLate(origin: DeliveryOrigin, report: DeliveryReportedV1, tag: string): Promise<void> {
    this.log(report);
    this.parts.metrics?.observe(report);
    await this.parts.publisher.publish(DeliveryReportedV1, [this.outgoing(origin, report, tag)]);
  }

  /** The report payload for a result that is known outside the attempt loop. */
  report(request: R, result: AttemptResult): DeliveryReportedV1 {
    return this.reports.build(request, this.parts.adapter.destination(request), result);
  }

  private async deliver(e: EventEnvelope<R>): Promise<void> {
    const destination = this.parts.adapter.destination(e.payload);
    const key = `${e.payload.sirId}\u0000${destination}`;
    const claim = this.ledger.claim(key);
    if (claim.state === 'in-flight') return; // a copy of this record is being transmitted right now
    if (claim.state === 'done') return this.publish(e, claim.reports);
    let reports: DeliveryReportedV1[];
    try {
      const result = await this.gate.run(() => this.loop.run(e.payload, { key: e.key, headers: e.headers }));
      reports = [this.reports.build(e.payload, destination, result)];
    } catch (err) {
      this.ledger.forget(key); // not transmitted to an answer: a retried batch may try again
      throw err;
    }
    this.ledger.complete(key, reports);
    this.log(reports[0]);
    reports.forEach((r) => this.parts.metrics?.observe(r));
    await this.publish(e, reports);
  }

  private publish(e: DeliveryOrigin, reports: DeliveryReportedV1[]): Promise<void> {
    return this.parts.publisher.publish(DeliveryReportedV1, reports.map((r) => this.outgoing(e, r, 'attempt')));
  }

  private outgoing(e: DeliveryOrigin, report: DeliveryReportedV1, tag: string) {
    // the same record handled twice yields the same event id: downstream dedupes (architecture.md)
    const eventId = deterministicEventId(this.parts.service, tag, report.sirId, report.destination, String(report.attempt), report.outcome);
    return { key: e.key, payload: report, causation: e, eventId };
  }

  private log(report: DeliveryReportedV1): void {
    const { sirId, destination, outcome, attempt, detail, final } = report;
    const level = outcome === 'failed' || outcome === 'expired' ? 'warn' : outcome === 'undeliverable' ? 'info' : 'debug';
    this.parts.logger[level]({ sirId, destination, outcome, attempt, detail, final }, 'delivery reported');
  }
}
