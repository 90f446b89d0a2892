import { Inject, Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { FallbackTracker } from '@waken/bearer-encapsulation';
import { LOGGER, type Logger } from '@waken/platform-observability';
import { ENCAPSULATOR_OPTIONS, FALLBACK_TRACKER, type EncapsulatorOptions } from './encapsulator.options';
import type { FallbackContext } from './fallback-context';
import { SirDispatcher } from './sir-dispatcher';

/**
 * Checks the session deadlines (a delivered SIR whose target did not connect falls back) and
 * forgets expired SIRs. A sweep that fails to publish leaves the steps due for the next one.
 */
@Injectable()
export class FallbackSweeper implements OnModuleInit, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    @Inject(ENCAPSULATOR_OPTIONS) private readonly options: EncapsulatorOptions,
    @Inject(FALLBACK_TRACKER) private readonly tracker: FallbackTracker<FallbackContext>,
    private readonly dispatcher: SirDispatcher,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.sweep(), this.options.sweepIntervalMs ?? 1000);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass; overlapping passes are skipped. */
  sweep(now = new Date()): Promise<void> {
    this.running ??= this.dispatcher
      .fallBack(this.tracker.due(now), now)
      .catch((err: unknown) => this.logger.error({ err }, 'fallback sweep failed; retrying on the next pass'))
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
