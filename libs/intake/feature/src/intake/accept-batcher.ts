import { isDatabaseUnavailable, NewPush, OutboxMessage, OutboxRepository, PushRepository } from '@waken/intake-data-access';
import { DataSource } from 'typeorm';

export interface AcceptBatcherOptions {
  /** Most pushes written by one transaction. */
  maxBatch: number;
  /** Most accept transactions in flight at once; requests arriving meanwhile form the next batch. */
  maxConcurrent: number;
}

export const DEFAULT_ACCEPT_BATCHER_OPTIONS: AcceptBatcherOptions = { maxBatch: 200, maxConcurrent: 3 };

interface QueuedAccept {
  readonly push: NewPush;
  readonly outbox: readonly OutboxMessage[];
  resolve(inserted: boolean): void;
  reject(error: unknown): void;
}

/**
 * Group commit of the accept path: concurrent accepts share one transaction (pushes, recipients
 * and outbox records in three multi-row statements), so the database sees a few round trips and
 * one commit per batch instead of five round trips and a commit per push. Batches form by
 * themselves: while `maxConcurrent` transactions run, new requests queue and leave together; a
 * lone request at low load goes at once, alone. Each caller still learns its own outcome: written,
 * or a duplicate push-id (PAP 2007). When a batch fails for a reason other than the database
 * being down, its pushes are retried one by one, so one bad row cannot fail its neighbours.
 */
export class AcceptBatcher {
  private readonly pushes = new PushRepository();
  private readonly outboxRecords = new OutboxRepository();
  private queue: QueuedAccept[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly ds: DataSource,
    private readonly options: AcceptBatcherOptions = DEFAULT_ACCEPT_BATCHER_OPTIONS,
  ) {}

  /** Resolves true once the push and its outbox records are committed, false for a duplicate push-id. */
  submit(push: NewPush, outbox: readonly OutboxMessage[]): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.queue.push({ push, outbox, resolve, reject });
      this.schedule();
    });
  }

  /** Lets the requests of the current I/O turn join the batch before it leaves. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.inFlight < this.options.maxConcurrent && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.inFlight++;
      void this.commit(batch).finally(() => {
        this.inFlight--;
        this.drain();
      });
    }
  }

  private async commit(batch: QueuedAccept[]): Promise<void> {
    try {
      const written = await this.write(batch);
      for (const a of batch) a.resolve(written.has(a.push.id));
    } catch (e) {
      if (batch.length === 1 || isDatabaseUnavailable(e)) {
        for (const a of batch) a.reject(e);
        return;
      }
      for (const a of batch) await this.commit([a]);
    }
  }

  private write(batch: QueuedAccept[]): Promise<Set<string>> {
    // one lock order on the (tenant, PI, push-id) unique index for every batch: no deadlocks
    const ordered = [...batch].sort((a, b) => compareKey(a.push, b.push));
    return this.ds.transaction(async (m) => {
      const written = await this.pushes.insertMany(
        m,
        ordered.map((a) => a.push),
      );
      await this.outboxRecords.addMany(
        m,
        ordered.filter((a) => written.has(a.push.id)).flatMap((a) => a.outbox.map((message) => ({ push: a.push.id, message }))),
      );
      return written;
    });
  }
}

function compareKey(a: NewPush, b: NewPush): number {
  return cmp(a.tenantId, b.tenantId) || cmp(a.piId, b.piId) || cmp(a.pushId, b.pushId);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
