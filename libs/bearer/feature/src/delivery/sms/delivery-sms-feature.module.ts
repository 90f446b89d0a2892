import { DynamicModule, Module } from '@nestjs/common';
import { LOGGER, Logger } from '@waken/platform-observability';
import { DeliveryDrain } from '../common/delivery-drain';
import { BEARER_ADAPTER } from '../common/delivery-request';
import { DeliveryRunnerFactory } from '../common/delivery-runner.factory';
import { DeliverySmsHandler } from './delivery-sms.handler';
import { DELIVERY_SMS_OPTIONS, DeliverySmsOptions } from './delivery-sms.options';
import { SmsDeliveryAdapter } from './sms-delivery.adapter';

/** The delivery-sms service, the same in its own process and in the embedded mode. */
@Module({})
export class DeliverySmsFeatureModule {
  static forRoot(options: DeliverySmsOptions): DynamicModule {
    return {
      module: DeliverySmsFeatureModule,
      controllers: [DeliverySmsHandler],
      providers: [
        { provide: DELIVERY_SMS_OPTIONS, useValue: options },
        { provide: SmsDeliveryAdapter, inject: [LOGGER], useFactory: (logger: Logger) => new SmsDeliveryAdapter(options, logger.child({ bearer: 'sms' })) },
        { provide: BEARER_ADAPTER, useExisting: SmsDeliveryAdapter },
        DeliveryDrain,
        DeliveryRunnerFactory,
      ],
      exports: [SmsDeliveryAdapter],
    };
  }
}
