import { DeliveryReportedV1 } from '@waken/contracts';

/** What a claim finds: a new request, a copy being sent right now, or the reports of a finished one. */
export type LedgerClaim = { state: 'fresh' } | { state: 'in-flight' } | { state: 'done'; reports: DeliveryReportedV1[] };

type Entry = { state: 'in-flight' } | { state: 'done'; reports: DeliveryReportedV1[] };

/**
 * Dedupe of delivery requests, in memory and bounded (oldest entries evicted first): a Kafka
 * record redelivered to the same process is never transmitted again, its reports are republished
 * (same event ids) instead. Crash window: a process that dies after transmitting and before its
 * offset is committed leaves the record to the next owner of the partition, which transmits it
 * once more; devices drop that copy by the SIR nonce (reliability.md S4). See docs/delivery.md.
 */
export class DeliveryLedger {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`dedupe capacity must be a positive integer, not ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  /** A fresh claim marks the key in flight; the caller must `complete` it. */
  claim(key: string): LedgerClaim {
    const entry = this.entries.get(key);
    if (entry) return entry.state === 'done' ? { state: 'done', reports: entry.reports } : { state: 'in-flight' };
    this.remember(key, { state: 'in-flight' });
    return { state: 'fresh' };
  }

  complete(key: string, reports: DeliveryReportedV1[]): void {
    this.entries.delete(key);
    this.remember(key, { state: 'done', reports });
  }

  /** Drops a key whose transmission ended without a result (a bug path), so it may be tried again. */
  forget(key: string): void {
    this.entries.delete(key);
  }

  private remember(key: string, entry: Entry): void {
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }
}
