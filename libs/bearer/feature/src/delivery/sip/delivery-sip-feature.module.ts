import { DynamicModule, Module } from '@nestjs/common';
import { DeliveryDrain } from '../common/delivery-drain';
import { BEARER_ADAPTER } from '../common/delivery-request';
import { DeliveryRunnerFactory } from '../common/delivery-runner.factory';
import { DeliverySipHandler } from './delivery-sip.handler';
import { DELIVERY_SIP_OPTIONS, DeliverySipOptions } from './delivery-sip.options';
import { SipDeliveryAdapter } from './sip-delivery.adapter';

/** The delivery-sip service, the same in its own process and in the embedded mode. */
@Module({})
export class DeliverySipFeatureModule {
  static forRoot(options: DeliverySipOptions): DynamicModule {
    return {
      module: DeliverySipFeatureModule,
      controllers: [DeliverySipHandler],
      providers: [
        { provide: DELIVERY_SIP_OPTIONS, useValue: options },
        { provide: SipDeliveryAdapter, useFactory: () => new SipDeliveryAdapter(options.sip) },
        { provide: BEARER_ADAPTER, useExisting: SipDeliveryAdapter },
        DeliveryDrain,
        DeliveryRunnerFactory,
      ],
      exports: [SipDeliveryAdapter],
    };
  }
}
