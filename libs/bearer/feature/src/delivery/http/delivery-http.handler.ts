import { Controller, Inject } from '@nestjs/common';
import { DeliveryHttpRequestedV1 } from '@waken/contracts';
import { EventEnvelope, OnEvents } from '@waken/platform-messaging';
import { DeliveryBatchRunner } from '../common/delivery-batch-runner';
import { BEARER_ADAPTER, BearerAdapter } from '../common/delivery-request';
import { DeliveryRunnerFactory } from '../common/delivery-runner.factory';
import { DELIVERY_HTTP_OPTIONS, DeliveryHttpOptions } from './delivery-http.options';

/** delivery-http (seed §S7): every DeliveryHttpRequestedV1 becomes a POST and one DeliveryReportedV1. */
@Controller()
export class DeliveryHttpHandler {
  readonly runner: DeliveryBatchRunner<DeliveryHttpRequestedV1>;

  constructor(
    factory: DeliveryRunnerFactory,
    @Inject(DELIVERY_HTTP_OPTIONS) options: DeliveryHttpOptions,
    @Inject(BEARER_ADAPTER) adapter: BearerAdapter<DeliveryHttpRequestedV1>,
  ) {
    this.runner = factory.create('delivery-http', adapter, options.policy);
  }

  @OnEvents(DeliveryHttpRequestedV1)
  onRequested(batch: EventEnvelope<DeliveryHttpRequestedV1>[]): Promise<void> {
    return this.runner.handle(batch);
  }
}
