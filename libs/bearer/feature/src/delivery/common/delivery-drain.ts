import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/**
 * The shutdown signal of a delivery app. Nest calls beforeApplicationShutdown before it stops the
 * consumer; from then on no retry waits out its backoff: the transmission in flight finishes and
 * is reported, a request that would need another try is reported failed (its fallback takes over).
 */
@Injectable()
export class DeliveryDrain implements BeforeApplicationShutdown {
  private readonly controller = new AbortController();

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get draining(): boolean {
    return this.controller.signal.aborted;
  }

  start(): void {
    this.controller.abort();
  }

  beforeApplicationShutdown(): void {
    this.start();
  }
}
