import { Controller, Inject } from '@nestjs/common';
import { DeliveryUdpRequestedV1 } from '@waken/contracts';
import { EventEnvelope, OnEvents } from '@waken/platform-messaging';
import { DeliveryBatchRunner } from '../common/delivery-batch-runner';
import { BEARER_ADAPTER, BearerAdapter } from '../common/delivery-request';
import { DeliveryRunnerFactory } from '../common/delivery-runner.factory';
import { DELIVERY_UDP_OPTIONS, DeliveryUdpOptions } from './delivery-udp.options';

/** delivery-udp (seed §S7): every DeliveryUdpRequestedV1 becomes a WSP Push datagram and a `sent` report. */
@Controller()
export class DeliveryUdpHandler {
  readonly runner: DeliveryBatchRunner<DeliveryUdpRequestedV1>;

  constructor(
    factory: DeliveryRunnerFactory,
    @Inject(DELIVERY_UDP_OPTIONS) options: DeliveryUdpOptions,
    @Inject(BEARER_ADAPTER) adapter: BearerAdapter<DeliveryUdpRequestedV1>,
  ) {
    this.runner = factory.create('delivery-udp', adapter, options.policy);
  }

  @OnEvents(DeliveryUdpRequestedV1)
  onRequested(batch: EventEnvelope<DeliveryUdpRequestedV1>[]): Promise<void> {
    return this.runner.handle(batch);
  }
}
