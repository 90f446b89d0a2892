import { createHash } from 'node:crypto';
import { Message } from 'kafkajs';
import { Logger } from 'pino';
import { ServiceMetrics } from '@waken/platform-observability';
import { BatchProcessor, BatchSubscription } from './batch-processor';
import { EventPublisher } from './event-publisher';
import { RawRecord } from './record-codec';

interface GroupPartition {
  queue: RawRecord[];
  draining: boolean;
}

interface GroupSubscription {
  groupId: string;
  sub: BatchSubscription;
  processor: BatchProcessor;
  partitions: GroupPartition[];
}

/**
 * The broker of the embedded single-process mode: topics split into partitions by key hash (one
 * user's events stay in order), every consumer group gets every record, each partition is handled
 * in batches, one batch at a time, through the same BatchProcessor as Kafka (validation, retries,
 * dead letters). Records live in memory: the embedded mode trades durability for zero setup.
 */
export class InProcessBroker {
  private readonly subscriptions = new Map<string, GroupSubscription[]>();
  private readonly retained = new Map<string, RawRecord[]>();
  private readonly offsets = new Map<string, number>();
  private idleWaiters: Array<() => void> = [];
  private busy = 0;

  constructor(
    readonly partitions = 4,
    private readonly maxBatch = 500,
    private readonly retainPerTopic = 1000,
  ) {}

  subscribe(groupId: string, sub: BatchSubscription, topic: string, publisher: EventPublisher, logger: Logger, metrics?: ServiceMetrics): void {
    const list = this.subscriptions.get(topic) ?? [];
    if (list.some((s) => s.groupId === groupId)) throw new Error(`group ${groupId} already consumes ${topic}`);
    list.push({
      groupId,
      sub,
      processor: new BatchProcessor(publisher, logger, metrics),
      partitions: Array.from({ length: this.partitions }, () => ({ queue: [], draining: false })),
    });
    this.subscriptions.set(topic, list);
  }

  unsubscribe(groupId: string): void {
    for (const [topic, list] of this.subscriptions) this.subscriptions.set(topic, list.filter((s) => s.groupId !== groupId));
  }

  append(topic: string, messages: Message[]): void {
    for (const m of messages) {
      const key = m.key === null || m.key === undefined ? null : Buffer.from(m.key);
      const partition = key ? createHash('md5').update(key).digest().readUInt32BE(0) % this.partitions : 0;
      const offset = this.nextOffset(`${topic}/${partition}`);
      const record: RawRecord = {
        topic,
        partition,
        offset: String(offset),
        key,
        value: m.value === null || m.value === undefined ? null : Buffer.from(m.value),
        headers: m.headers as RawRecord['headers'],
      };
      this.retain(topic, record);
      for (const gs of this.subscriptions.get(topic) ?? []) {
        gs.partitions[partition].queue.push(record);
        this.drain(gs, gs.partitions[partition]);
      }
    }
  }

  /** The last records of a topic (tests and the demo read dead letters this way). */
  recordsOf(topic: string): RawRecord[] {
    return [...(this.retained.get(topic) ?? [])];
  }

  /** Resolves when no partition of any group has records queued or in hand. */
  whenIdle(): Promise<void> {
    if (this.busy === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private nextOffset(id: string): number {
    const n = this.offsets.get(id) ?? 0;
    this.offsets.set(id, n + 1);
    return n;
  }

  private retain(topic: string, record: RawRecord): void {
    const list = this.retained.get(topic) ?? [];
    list.push(record);
    if (list.length > this.retainPerTopic) list.shift();
    this.retained.set(topic, list);
  }

  private drain(gs: GroupSubscription, p: GroupPartition): void {
    if (p.draining) return;
    p.draining = true;
    this.busy++;
    setImmediate(async () => {
      try {
        while (p.queue.length > 0) {
          const batch = p.queue.splice(0, this.maxBatch);
          await gs.processor.process(gs.sub, batch, { running: () => true, heartbeat: async () => undefined }).catch(() => {
            p.queue.unshift(...batch); // redelivered, as Kafka would after a failed batch
          });
        }
      } finally {
        p.draining = false;
        this.busy--;
        if (this.busy === 0) this.idleWaiters.splice(0).forEach((w) => w());
      }
    });
  }
}
