import { DynamicModule, Global, Module } from '@nestjs/common';
import { Logger } from 'pino';
import { HealthController, READINESS_CHECKS } from './health.controller';
import { ServiceMetrics } from './metrics';
import { ReadinessCheck } from './readiness';

export const LOGGER = Symbol('LOGGER');

export interface ObservabilityOptions {
  logger: Logger;
  metrics: ServiceMetrics;
  /** What must answer before the service is ready (database, broker). */
  checks: ReadinessCheck[];
}

/** Logger, metrics, and the health and metrics endpoints of one service. */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController],
      providers: [
        { provide: LOGGER, useValue: options.logger },
        { provide: ServiceMetrics, useValue: options.metrics },
        { provide: READINESS_CHECKS, useValue: options.checks },
      ],
      exports: [LOGGER, ServiceMetrics],
    };
  }
}
