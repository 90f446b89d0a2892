import { Inject, Injectable, Optional } from '@nestjs/common';
import { EventPublisher } from '@waken/platform-messaging';
import { LOGGER, Logger, ServiceMetrics } from '@waken/platform-observability';
import { DeliveryBatchRunner } from './delivery-batch-runner';
import { DeliveryDrain } from './delivery-drain';
import { DeliveryMetrics } from './delivery-metrics';
import { DeliveryPolicy } from './delivery-policy';
import { BearerAdapter, DeliveryRequest } from './delivery-request';

/** What every delivery handler shares: the publisher, the drain signal, logs and metrics. */
@Injectable()
export class DeliveryRunnerFactory {
  private readonly metrics?: DeliveryMetrics;

  constructor(
    private readonly publisher: EventPublisher,
    private readonly drain: DeliveryDrain,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() metrics?: ServiceMetrics,
  ) {
    this.metrics = metrics && new DeliveryMetrics(metrics);
  }

  create<R extends DeliveryRequest>(service: string, adapter: BearerAdapter<R>, policy: DeliveryPolicy): DeliveryBatchRunner<R> {
    return new DeliveryBatchRunner<R>({
      service,
      publisher: this.publisher,
      adapter,
      policy,
      drain: this.drain.signal,
      logger: this.logger.child({ bearer: adapter.bearer }),
      metrics: this.metrics,
    });
  }
}
