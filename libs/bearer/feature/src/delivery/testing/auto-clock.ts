import { DeliveryClock } from '../common/delivery-clock';

/** A clock for unit specs: sleeping moves time forward at once; every sleep is recorded. */
export class AutoClock implements DeliveryClock {
  readonly sleeps: number[] = [];

  constructor(public time = Date.parse('2026-11-26T10:00:00Z')) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal: AbortSignal): Promise<boolean> {
    if (signal.aborted) return false;
    this.sleeps.push(ms);
    this.time += ms;
    return true;
  }
}
