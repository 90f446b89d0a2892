import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus registry of one service, with the metrics STYLE.md asks for: handler duration,
 * consumer lag, DLQ count, per-bearer outcomes, SIRs per targeted device. Apps add their own.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly handlerDuration: Histogram<'topic'>;
  readonly batchSize: Histogram<'topic'>;
  readonly consumerLag: Gauge<'topic' | 'partition'>;
  readonly deadLettered: Counter<'topic' | 'reason'>;
  readonly retries: Counter<'topic'>;
  readonly published: Counter<'topic'>;

  constructor(service: string, defaults = true) {
    this.registry.setDefaultLabels({ service });
    if (defaults) collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.handlerDuration = new Histogram({
      name: 'waken_handler_duration_seconds',
      help: 'Time to handle one batch of records',
      labelNames: ['topic'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5],
      registers,
    });
    this.batchSize = new Histogram({
      name: 'waken_batch_size',
      help: 'Records per handled batch',
      labelNames: ['topic'],
      buckets: [1, 10, 50, 100, 250, 500, 1000],
      registers,
    });
    this.consumerLag = new Gauge({ name: 'waken_consumer_lag', help: 'Offset lag per partition', labelNames: ['topic', 'partition'], registers });
    this.deadLettered = new Counter({ name: 'waken_dlq_total', help: 'Records sent to a dead-letter topic', labelNames: ['topic', 'reason'], registers });
    this.retries = new Counter({ name: 'waken_handler_retries_total', help: 'Batch handler retries', labelNames: ['topic'], registers });
    this.published = new Counter({ name: 'waken_published_total', help: 'Records published', labelNames: ['topic'], registers });
  }

  counter<L extends string>(name: string, help: string, labelNames: readonly L[] = []): Counter<L> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  histogram<L extends string>(name: string, help: string, buckets: number[], labelNames: readonly L[] = []): Histogram<L> {
    return new Histogram({ name, help, buckets, labelNames, registers: [this.registry] });
  }
}
