import type { Logger } from '@waken/platform-observability';

/**
 * Runs `tick` every `intervalMs`, at once again while it reports more work, and on kick().
 * stop() waits for the tick in progress: nothing is left half-done when a service closes.
 * An error is logged and retried on the next interval (the database or broker may be down).
 */
export class PollingLoop {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = true;
  private kicked = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly tick: () => Promise<boolean>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.kicked = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
  }

  private async run(): Promise<void> {
    if (this.stopped || this.running) return;
    let more = false;
    this.running = this.tick().then(
      (m) => {
        more = m;
      },
      (e: unknown) => this.logger.warn({ err: e, loop: this.name }, 'background work failed; retrying'),
    );
    await this.running;
    this.running = undefined;
    const again = more || this.kicked;
    this.kicked = false;
    if (!this.stopped) this.schedule(again ? 0 : this.intervalMs);
  }
}
