import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { PUSH_ACCEPTED_V1 } from '@waken/contracts';
import { OutboxRepository, PushRepository } from '@waken/intake-data-access';
import { LOGGER, Logger } from '@waken/platform-observability';
import { DataSource } from 'typeorm';
import { INTAKE_DATA_SOURCE, INTAKE_OPTIONS, IntakeOptions } from '../intake.options';
import { OutcomeWriter } from '../outcome/outcome-writer';
import { PollingLoop } from './polling-loop';

const BATCH = 100;

/**
 * deliver-before (pap.md §4, reliability.md R5): a push still pending at that instant becomes
 * expired and its notification is enqueued; a held push's accepted records are dropped. Later
 * stages never send late either: PushAcceptedV1 carries deliverBefore.
 */
@Injectable()
export class ExpirySweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly pushes = new PushRepository();
  private readonly outbox = new OutboxRepository();
  private readonly loop: PollingLoop;

  constructor(
    @Inject(INTAKE_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(INTAKE_OPTIONS) options: IntakeOptions,
    private readonly outcomes: OutcomeWriter,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.loop = new PollingLoop('expiry-sweeper', options.pollIntervalMs, () => this.sweepOnce(), logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Expires one batch; true when there may be more. */
  async sweepOnce(now = new Date()): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const due = await this.pushes.lockExpired(m, now, BATCH);
      for (const { tenantId, id } of due) {
        const push = await this.pushes.lockById(m, tenantId, id);
        if (!push) continue;
        await this.outbox.dropUnsent(m, id, PUSH_ACCEPTED_V1);
        await this.outcomes.apply(m, push, [{ kind: 'expired' }], now);
      }
      return due.length === BATCH;
    });
  }
}
