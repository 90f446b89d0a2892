import { DynamicModule, Global, InjectionToken, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { HealthController, READINESS_CHECKS } from './health.controller';
import { ServiceMetrics } from './metrics';
import { ReadinessCheck } from './readiness';

export const LOGGER = Symbol('LOGGER');

export interface ObservabilityOptions {
  logger: Logger;
  metrics: ServiceMetrics;
  /** Providers (tokens) whose instances implement ReadinessCheck. */
  readinessTokens?: InjectionToken[];
}

/** Logger, metrics, and the health and metrics endpoints of one service. */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const tokens = options.readinessTokens ?? [];
    return {
      module: ObservabilityModule,
      controllers: [HealthController],
      providers: [
        { provide: LOGGER, useValue: options.logger },
        { provide: ServiceMetrics, useValue: options.metrics },
        { provide: READINESS_CHECKS, useFactory: (...checks: ReadinessCheck[]) => checks, inject: tokens },
      ],
      exports: [LOGGER, ServiceMetrics],
    };
  }
}
