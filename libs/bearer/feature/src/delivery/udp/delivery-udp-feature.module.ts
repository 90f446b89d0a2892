import { DynamicModule, Module } from '@nestjs/common';
import { DeliveryDrain } from '../common/delivery-drain';
import { BEARER_ADAPTER } from '../common/delivery-request';
import { DeliveryRunnerFactory } from '../common/delivery-runner.factory';
import { DeliveryUdpHandler } from './delivery-udp.handler';
import { DELIVERY_UDP_OPTIONS, DeliveryUdpOptions } from './delivery-udp.options';
import { UdpDeliveryAdapter } from './udp-delivery.adapter';

/** The delivery-udp service, the same in its own process and in the embedded mode. */
@Module({})
export class DeliveryUdpFeatureModule {
  static forRoot(options: DeliveryUdpOptions): DynamicModule {
    return {
      module: DeliveryUdpFeatureModule,
      controllers: [DeliveryUdpHandler],
      providers: [
        { provide: DELIVERY_UDP_OPTIONS, useValue: options },
        { provide: UdpDeliveryAdapter, useFactory: () => new UdpDeliveryAdapter(options.udp) },
        { provide: BEARER_ADAPTER, useExisting: UdpDeliveryAdapter },
        DeliveryDrain,
        DeliveryRunnerFactory,
      ],
      exports: [UdpDeliveryAdapter],
    };
  }
}
