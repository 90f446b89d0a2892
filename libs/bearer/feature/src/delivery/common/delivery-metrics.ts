import { DeliveryReportedV1 } from '@waken/contracts';
import { ServiceMetrics } from '@waken/platform-observability';
import { Counter, Histogram } from 'prom-client';

/** Per-bearer outcomes and accept-to-wire latency (STYLE.md: Prometheus metrics). */
export class DeliveryMetrics {
  private readonly outcomes: Counter<'bearer' | 'outcome'>;
  private readonly acceptToWire: Histogram<'bearer'>;
  private readonly retries: Counter<'bearer'>;

  constructor(metrics: ServiceMetrics) {
    this.outcomes = metrics.counter('waken_delivery_outcomes_total', 'Delivery reports by bearer and outcome', ['bearer', 'outcome']);
    this.retries = metrics.counter('waken_delivery_retries_total', 'Transmissions after the first of a request', ['bearer']);
    this.acceptToWire = metrics.histogram(
      'waken_delivery_accept_to_wire_seconds',
      'From push-intake accept to the payload on the wire',
      [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
      ['bearer'],
    );
  }

  observe(report: DeliveryReportedV1): void {
    this.outcomes.inc({ bearer: report.bearer, outcome: report.outcome });
    if (report.attempt > 1) this.retries.inc({ bearer: report.bearer }, report.attempt - 1);
    if (report.acceptedAt && report.onWireAt) {
      const seconds = (Date.parse(report.onWireAt) - Date.parse(report.acceptedAt)) / 1000;
      if (seconds >= 0) this.acceptToWire.observe({ bearer: report.bearer }, seconds);
    }
  }
}
