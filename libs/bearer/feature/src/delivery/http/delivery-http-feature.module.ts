import { DynamicModule, Module } from '@nestjs/common';
import { DeliveryDrain } from '../common/delivery-drain';
import { BEARER_ADAPTER } from '../common/delivery-request';
import { DeliveryRunnerFactory } from '../common/delivery-runner.factory';
import { DeliveryHttpHandler } from './delivery-http.handler';
import { DELIVERY_HTTP_OPTIONS, DeliveryHttpOptions } from './delivery-http.options';
import { HttpDeliveryAdapter } from './http-delivery.adapter';

/** The delivery-http service, the same in its own process and in the embedded mode. */
@Module({})
export class DeliveryHttpFeatureModule {
  static forRoot(options: DeliveryHttpOptions): DynamicModule {
    return {
      module: DeliveryHttpFeatureModule,
      controllers: [DeliveryHttpHandler],
      providers: [
        { provide: DELIVERY_HTTP_OPTIONS, useValue: options },
        { provide: HttpDeliveryAdapter, useFactory: () => new HttpDeliveryAdapter(options.http) },
        { provide: BEARER_ADAPTER, useExisting: HttpDeliveryAdapter },
        DeliveryDrain,
        DeliveryRunnerFactory,
      ],
      exports: [HttpDeliveryAdapter],
    };
  }
}
