import { SmppTimers } from './smpp-timers';
import { TokenBucket } from './token-bucket';

interface Job {
  run: () => Promise<unknown>;
  cancelledBy: () => Error | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * FIFO of submit_sm sends under two limits per bind: at most `window` awaiting their resp
 * (SMPP 3.4 §2.7: asynchronous, windowed operation) and the token bucket's messages/s.
 */
export class SubmitScheduler {
  private readonly queue: Job[] = [];
  private outstanding = 0;
  private wake: unknown;

  constructor(
    private readonly window: number,
    private readonly bucket: TokenBucket,
    private readonly timers: SmppTimers,
  ) {
    if (!(window >= 1)) throw new RangeError(`window must be at least 1: ${window}`);
  }

  /** Runs `run` when window and throughput allow; `cancelledBy` may abort it while still queued. */
  submit<T>(run: () => Promise<T>, cancelledBy: () => Error | undefined = () => undefined): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ run, cancelledBy, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Rejects everything still queued (the link dropped); running sends fail with their link. */
  failQueued(error: Error): void {
    for (const job of this.queue.splice(0)) job.reject(error);
  }

  get inFlight(): number {
    return this.outstanding;
  }

  get queued(): number {
    return this.queue.length;
  }

  private pump(): void {
    while (this.queue.length > 0 && this.outstanding < this.window && this.wake === undefined) {
      const cancelled = this.queue[0].cancelledBy();
      if (cancelled) {
        this.queue.shift()?.reject(cancelled);
        continue;
      }
      const wait = this.bucket.take(this.timers.now());
      if (wait > 0) {
        this.wake = this.timers.setTimeout(() => this.onWake(), wait);
        return;
      }
      this.start(this.queue.shift() as Job);
    }
  }

  private onWake(): void {
    this.wake = undefined;
    this.pump();
  }

  private start(job: Job): void {
    this.outstanding += 1;
    let result: Promise<unknown>;
    try {
      result = job.run();
    } catch (e) {
      result = Promise.reject(e);
    }
    result.then(job.resolve, job.reject).finally(() => {
      this.outstanding -= 1;
      this.pump();
    });
  }
}
