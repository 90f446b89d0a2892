import type { Logger } from '@waken/platform-observability';
import { PendingStore } from './pending-store';
import { SessionCloser } from './session-closer';
import { SessionRegistry } from './session-registry';

export interface SessionSweeperOptions {
  idleMs: number;
  sweepMs: number;
  retentionMs: number;
}

const EXPIRE_BATCH = 1000;
const PURGE_BATCH = 1000;
const PURGE_EVERY_MS = 60_000;

/**
 * The timers of the endpoint: sessions past their expiry or idle end (final NOTIFY timeout,
 * SessionClosedV1 expired/idle); pending rows past deliver-before become expired; terminal rows
 * older than the retention are deleted. One sweep at a time.
 */
export class SessionSweeper {
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;
  private lastPurgeMs = 0;

  constructor(
    private readonly registry: SessionRegistry,
    private readonly closer: SessionCloser,
    private readonly store: PendingStore,
    private readonly options: SessionSweeperOptions,
    private readonly logger: Logger,
    private readonly clock: () => number,
    /** runs at every sweep, e.g. retrying failed loads */
    private readonly onSweep: () => void = () => undefined,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweep(), this.options.sweepMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a sweep in progress, so none runs after the store closes. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  async sweep(): Promise<void> {
    if (this.running) return;
    this.running = this.sweepOnce().finally(() => {
      this.running = undefined;
    });
    await this.running;
  }

  private async sweepOnce(): Promise<void> {
    try {
      await this.closeDue(this.clock());
      this.onSweep();
      await this.maintainStore(this.clock());
    } catch (e) {
      this.logger.error({ err: e }, 'session sweep failed');
    }
  }

  private async closeDue(nowMs: number): Promise<void> {
    const due = this.registry.all().flatMap((live) => {
      const reason = live.session.due(nowMs, this.options.idleMs);
      return reason ? [{ live, reason }] : [];
    });
    await Promise.all(due.map(({ live, reason }) => this.closer.close(live, reason)));
  }

  private async maintainStore(nowMs: number): Promise<void> {
    const expired = await this.store.expireDue(new Date(nowMs), EXPIRE_BATCH);
    if (expired.length > 0) this.logger.info({ count: expired.length }, 'pending pushes expired (deliver-before passed)');
    if (nowMs - this.lastPurgeMs < PURGE_EVERY_MS) return;
    this.lastPurgeMs = nowMs;
    const purged = await this.store.purgeSettled(new Date(nowMs - this.options.retentionMs), PURGE_BATCH);
    if (purged > 0) this.logger.info({ count: purged }, 'settled pending rows purged');
  }
}
