import { Injectable } from '@nestjs/common';
import { ServiceMetrics } from '@waken/platform-observability';
import { Gauge, type Counter } from 'prom-client';

/** Per-bearer outcomes of encapsulation (STYLE.md observability), one set per service. */
@Injectable()
export class EncapsulatorMetrics {
  readonly requests: Counter<'bearer' | 'trigger'>;
  readonly refused: Counter<'reason'>;
  readonly tracked: Gauge<string>;
  readonly evicted: Counter<string>;

  constructor(metrics: ServiceMetrics) {
    this.requests = metrics.counter('waken_encapsulator_requests_total', 'Delivery requests published', ['bearer', 'trigger']);
    this.refused = metrics.counter('waken_encapsulator_refused_total', 'Activation methods a SIR could not be put on', ['reason']);
    this.evicted = metrics.counter('waken_encapsulator_fallback_evicted_total', 'SIRs whose fallback state was dropped at capacity');
    this.tracked = new Gauge({ name: 'waken_encapsulator_fallback_tracked', help: 'SIRs with a fallback left, kept in memory', registers: [metrics.registry] });
  }
}
