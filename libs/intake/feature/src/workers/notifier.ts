import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { LeasedNotification, NotificationRepository } from '@waken/intake-data-access';
import { backoffMs } from '@waken/platform-messaging';
import { LOGGER, Logger } from '@waken/platform-observability';
import { DataSource } from 'typeorm';
import { IntakeMetrics } from '../intake-metrics';
import { INTAKE_DATA_SOURCE, INTAKE_OPTIONS, IntakeOptions } from '../intake.options';
import { sendNotification } from './notification-sender';
import { PollingLoop } from './polling-loop';

const BATCH = 50;

/**
 * Sends the notification outbox: leases due rows (a crashed instance's lease runs out and
 * another sends them), POSTs, marks them sent, or backs off with jitter up to notifyMaxBackoffMs
 * and gives up after notifyMaxAttempts. Survives restarts: the state is the table.
 */
@Injectable()
export class Notifier implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly notifications = new NotificationRepository();
  private readonly loop: PollingLoop;

  constructor(
    @Inject(INTAKE_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions,
    @Inject(LOGGER) private readonly logger: Logger,
    private readonly metrics: IntakeMetrics,
  ) {
    this.loop = new PollingLoop('notifier', options.pollIntervalMs, () => this.sendOnce(), logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  kick(): void {
    this.loop.kick();
  }

  async sendOnce(now = new Date()): Promise<boolean> {
    const leaseMs = this.options.notifyTimeoutMs * 2;
    const leased = await this.notifications.lease(this.ds.manager, now, BATCH, leaseMs);
    await Promise.all(leased.map((n) => this.deliver(n)));
    return leased.length === BATCH;
  }

  private async deliver(n: LeasedNotification): Promise<void> {
    const outcome = await sendNotification(n, this.options.notifyTimeoutMs, this.options.allowPrivateNotifyUrls);
    const m = this.ds.manager;
    if (outcome.kind === 'sent') {
      this.metrics.notified('sent');
      await this.notifications.markSent(m, n.push, outcome.note);
      return;
    }
    this.logger.warn({ pushId: n.push, attempts: n.attempts, error: outcome.error }, 'result notification not delivered');
    if (outcome.kind === 'refused' || n.attempts >= this.options.notifyMaxAttempts) {
      this.metrics.notified('failed');
      await this.notifications.markFailed(m, n.push, outcome.error);
      return;
    }
    this.metrics.notified('retry');
    const policy = { maxAttempts: this.options.notifyMaxAttempts, initialBackoffMs: 500, maxBackoffMs: this.options.notifyMaxBackoffMs };
    await this.notifications.retryLater(m, n.push, backoffMs(policy, n.attempts), outcome.error);
  }
}
