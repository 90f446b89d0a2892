import { deadLetterTopic } from '@waken/contracts';
import { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { Logger } from 'pino';
import { ServiceMetrics } from '@waken/platform-observability';
import { BatchControl, BatchProcessor, BatchSubscription } from './batch-processor';
import { MessageBus } from './message-bus';
import { RawRecord } from './record-codec';
import { createTopicsWithLeaders } from './topic-admin';

export type { BatchSubscription } from './batch-processor';

/**
 * Batched consumption from Kafka: one eachBatch per partition, processed by BatchProcessor (the
 * failure policy), offsets resolved and committed only after the handler's effect is done.
 */
export class BatchConsumer {
  private consumer?: Consumer;
  private readonly byTopic = new Map<string, BatchSubscription>();
  private readonly processor: BatchProcessor;
  private stopping = false;
  /** Partition batches of one topic waiting to be handled together (see gather). */
  private readonly gathering = new Map<string, Gathering>();

  constructor(
    private readonly bus: MessageBus,
    subscriptions: BatchSubscription[],
    private readonly logger: Logger,
    private readonly metrics?: ServiceMetrics,
  ) {
    for (const s of subscriptions) this.byTopic.set(bus.topicName(s.definition.topic), s);
    this.processor = new BatchProcessor(bus, logger, metrics);
  }

  get topics(): string[] {
    return [...this.byTopic.keys()];
  }

  async start(): Promise<void> {
    const { settings } = this.bus;
    await this.bus.connect();
    await ensureTopics(this.bus, [...this.topics, ...this.topics.map(deadLetterTopic)]);
    this.consumer = this.bus.kafka.consumer({
      groupId: settings.groupId,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      minBytes: settings.fetchMinBytes,
      maxWaitTimeInMs: settings.fetchMaxWaitMs,
      allowAutoTopicCreation: false,
    });
    this.consumer.on(this.consumer.events.END_BATCH_PROCESS, (e) => {
      this.metrics?.consumerLag.set({ topic: e.payload.topic, partition: String(e.payload.partition) }, Number(e.payload.offsetLag));
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      autoCommit: true,
      autoCommitInterval: 1000,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
      eachBatch: (payload) => this.onBatch(payload),
    });
    this.logger.info({ topics: this.topics, groupId: settings.groupId }, 'consuming');
  }

  /** Stops fetching, lets the batch in flight finish, commits, disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async onBatch({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const sub = this.byTopic.get(batch.topic);
    if (!sub || batch.messages.length === 0) return;
    const records = batch.messages.map((m) => toRaw(batch.topic, batch.partition, m));
    await this.gather(sub, records, { running: () => isRunning() && !isStale() && !this.stopping, heartbeat });
    resolveOffset(batch.lastOffset());
    await commitOffsetsIfNecessary();
    await heartbeat();
  }

  /**
   * kafkajs hands each partition of a fetch to eachBatch separately (partitionsConsumedConcurrently
   * at once). The partition batches of one topic that arrive in the same turn of the event loop
   * are handled as one: one handler call, one database round trip and one produce instead of one
   * per partition. Each partition's records keep their order (a key lives in one partition); each
   * caller resolves and commits its own partition's offsets once the whole batch is done.
   */
  private gather(sub: BatchSubscription, records: RawRecord[], control: BatchControl): Promise<void> {
    const topic = records[0].topic;
    let gathering = this.gathering.get(topic);
    if (!gathering) {
      const pending: Gathering = {
        records: [],
        controls: [],
        done: new Promise<void>((r) => setImmediate(r)).then(() => {
          this.gathering.delete(topic);
          return this.processor.process(sub, pending.records, {
            running: () => pending.controls.every((c) => c.running()),
            heartbeat: async () => {
              await Promise.all(pending.controls.map((c) => c.heartbeat()));
            },
          });
        }),
      };
      gathering = pending;
      this.gathering.set(topic, gathering);
    }
    gathering.records.push(...records);
    gathering.controls.push(control);
    return gathering.done;
  }
}

interface Gathering {
  readonly records: RawRecord[];
  readonly controls: BatchControl[];
  readonly done: Promise<void>;
}

function toRaw(topic: string, partition: number, m: KafkaMessage): RawRecord {
  return { topic, partition, offset: m.offset, key: m.key, value: m.value, headers: m.headers };
}

/**
 * Creates missing topics and waits until every partition has a leader, so the first fetch does
 * not race auto-creation (see createTopicsWithLeaders).
 */
export async function ensureTopics(bus: MessageBus, topics: string[]): Promise<void> {
  const admin = bus.kafka.admin();
  await admin.connect();
  try {
    await createTopicsWithLeaders(admin, topics, { partitions: bus.settings.partitions, replicationFactor: bus.settings.replicationFactor });
  } finally {
    await admin.disconnect();
  }
}
