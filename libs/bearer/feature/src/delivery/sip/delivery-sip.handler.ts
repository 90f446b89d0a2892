import { Controller, Inject } from '@nestjs/common';
import { DeliverySipRequestedV1 } from '@waken/contracts';
import { EventEnvelope, OnEvents } from '@waken/platform-messaging';
import { DeliveryBatchRunner } from '../common/delivery-batch-runner';
import { BEARER_ADAPTER, BearerAdapter } from '../common/delivery-request';
import { DeliveryRunnerFactory } from '../common/delivery-runner.factory';
import { DELIVERY_SIP_OPTIONS, DeliverySipOptions } from './delivery-sip.options';

/** delivery-sip (seed §S7): every DeliverySipRequestedV1 becomes a MESSAGE and one DeliveryReportedV1. */
@Controller()
export class DeliverySipHandler {
  readonly runner: DeliveryBatchRunner<DeliverySipRequestedV1>;

  constructor(
    factory: DeliveryRunnerFactory,
    @Inject(DELIVERY_SIP_OPTIONS) options: DeliverySipOptions,
    @Inject(BEARER_ADAPTER) adapter: BearerAdapter<DeliverySipRequestedV1>,
  ) {
    this.runner = factory.create('delivery-sip', adapter, options.policy);
  }

  @OnEvents(DeliverySipRequestedV1)
  onRequested(batch: EventEnvelope<DeliverySipRequestedV1>[]): Promise<void> {
    return this.runner.handle(batch);
  }
}
