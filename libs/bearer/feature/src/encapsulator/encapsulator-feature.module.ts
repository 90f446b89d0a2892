import { DynamicModule, Module } from '@nestjs/common';
import { FallbackTracker } from '@waken/bearer-encapsulation';
import { DeliveryRequestPublisher } from './delivery-request.publisher';
import { EncapsulatorHandler } from './encapsulator.handler';
import { EncapsulatorMetrics } from './encapsulator-metrics';
import { ENCAPSULATOR_OPTIONS, FALLBACK_TRACKER, type EncapsulatorOptions } from './encapsulator.options';
import type { FallbackContext } from './fallback-context';
import { FallbackSweeper } from './fallback-sweeper';
import { SirDispatcher } from './sir-dispatcher';

/** The encapsulator service (seed §S6), the same in its own process and in the embedded mode. */
@Module({})
export class EncapsulatorFeatureModule {
  static forRoot(options: EncapsulatorOptions = {}): DynamicModule {
    const tracker = new FallbackTracker<FallbackContext>({ sessionDeadlineMs: options.sessionDeadlineMs, maxEntries: options.maxTrackedSirs ?? 50_000 });
    return {
      module: EncapsulatorFeatureModule,
      controllers: [EncapsulatorHandler],
      providers: [
        { provide: ENCAPSULATOR_OPTIONS, useValue: options },
        { provide: FALLBACK_TRACKER, useValue: tracker },
        EncapsulatorMetrics,
        DeliveryRequestPublisher,
        SirDispatcher,
        FallbackSweeper,
      ],
    };
  }
}
