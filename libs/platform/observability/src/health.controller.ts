import { Controller, Get, Header, Inject, Res } from '@nestjs/common';
import { ServiceMetrics } from './metrics';
import { ReadinessCheck, runReadiness } from './readiness';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/** /health/live (process only), /health/ready (database, broker), /metrics (Prometheus). */
@Controller()
export class HealthController {
  constructor(
    @Inject(READINESS_CHECKS) private readonly checks: ReadinessCheck[],
    private readonly metrics: ServiceMetrics,
  ) {}

  @Get('health/live')
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('health/ready')
  async ready(@Res({ passthrough: true }) res: { status(code: number): unknown }): Promise<unknown> {
    const report = await runReadiness(this.checks);
    if (report.status !== 'ok') res.status(503);
    return report;
  }

  @Get('metrics')
  @Header('Content-Type', 'text/plain; version=0.0.4')
  async scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
