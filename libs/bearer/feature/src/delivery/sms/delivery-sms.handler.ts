import { Controller, Inject } from '@nestjs/common';
import { DeliverySmsRequestedV1 } from '@waken/contracts';
import { EventEnvelope, OnEvents } from '@waken/platform-messaging';
import { LOGGER, Logger } from '@waken/platform-observability';
import { AttemptResult } from '../common/delivery-attempt-loop';
import { DeliveryBatchRunner } from '../common/delivery-batch-runner';
import { BEARER_ADAPTER } from '../common/delivery-request';
import { DeliveryRunnerFactory } from '../common/delivery-runner.factory';
import { DELIVERY_SMS_OPTIONS, DeliverySmsOptions } from './delivery-sms.options';
import { SmsBearer } from './sms-delivery.adapter';
import { AwaitedPush } from './sms-receipt-tracker';

/**
 * delivery-sms (seed §S6 SMS, §S7): every DeliverySmsRequestedV1 is submitted over SMPP and
 * reported `sent`; its delivery receipt later becomes a second report for the same attempt.
 */
@Controller()
export class DeliverySmsHandler {
  readonly runner: DeliveryBatchRunner<DeliverySmsRequestedV1>;

  constructor(
    factory: DeliveryRunnerFactory,
    @Inject(DELIVERY_SMS_OPTIONS) options: DeliverySmsOptions,
    @Inject(BEARER_ADAPTER) adapter: SmsBearer,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.runner = factory.create('delivery-sms', adapter, options.policy);
    adapter.onReceiptOutcome((push, result) => void this.reportReceipt(push, result));
  }

  @OnEvents(DeliverySmsRequestedV1)
  onRequested(batch: EventEnvelope<DeliverySmsRequestedV1>[]): Promise<void> {
    return this.runner.handle(batch);
  }

  /** Outside any batch: a report that cannot be published is logged (the receipt is not redelivered). */
  private async reportReceipt(push: AwaitedPush, result: AttemptResult): Promise<void> {
    try {
      await this.runner.publishLate(push.origin, this.runner.report(push.request, result), 'receipt');
    } catch (e) {
      this.logger.error({ err: e, sirId: push.request.sirId, outcome: result.outcome }, 'receipt report not published');
    }
  }
}
