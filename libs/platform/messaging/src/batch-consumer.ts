import { EventDefinition, deadLetterTopic } from '@waken/contracts';
import { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';
import { Logger } from 'pino';
import { ServiceMetrics, withLogContext } from '@waken/platform-observability';
import { deadLetterMessage } from './dead-letter';
import { EventEnvelope } from './event-envelope';
import { backoffMs, isPermanent } from './failure-policy';
import { MessageBus } from './message-bus';
import { InvalidRecord, RawRecord, decodeRecord } from './record-codec';

export interface BatchSubscription {
  definition: EventDefinition;
  /** Handles a batch of one partition, in offset order. Throwing means: retry, then dead-letter. */
  handle(batch: EventEnvelope<unknown>[]): Promise<void>;
}

interface Failed {
  record: RawRecord;
  error: string;
  attempts: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Batched consumption with the failure policy of STYLE.md: validate each record against its
 * contract (invalid -> <topic>.dlq with the original bytes and the error), hand the valid ones
 * to the handler as one batch, retry transient failures with backoff, isolate and dead-letter
 * poison records, and commit offsets only after the handler's effect is done.
 */
export class BatchConsumer {
  private consumer?: Consumer;
  private readonly byTopic = new Map<string, BatchSubscription>();
  private stopping = false;

  constructor(
    private readonly bus: MessageBus,
    subscriptions: BatchSubscription[],
    private readonly logger: Logger,
    private readonly metrics?: ServiceMetrics,
  ) {
    for (const s of subscriptions) this.byTopic.set(bus.topicName(s.definition.topic), s);
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
      maxWaitTimeInMs: 250,
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
    const valid: EventEnvelope<unknown>[] = [];
    const invalid: Failed[] = [];
    for (const record of records) {
      try {
        valid.push(decodeRecord(sub.definition, record));
      } catch (e) {
        if (!(e instanceof InvalidRecord)) throw e;
        invalid.push({ record, error: `${e.reason}: ${e.message}`, attempts: 1 });
      }
    }
    const started = process.hrtime.bigint();
    const failed = valid.length > 0 ? await this.handleWithRetry(sub, valid, records, () => isRunning() && !isStale(), heartbeat) : [];
    await this.deadLetter(batch.topic, [...invalid, ...failed]);
    this.metrics?.handlerDuration.observe({ topic: batch.topic }, Number(process.hrtime.bigint() - started) / 1e9);
    this.metrics?.batchSize.observe({ topic: batch.topic }, batch.messages.length);
    resolveOffset(batch.lastOffset());
    await commitOffsetsIfNecessary();
    await heartbeat();
  }

  private async handleWithRetry(
    sub: BatchSubscription,
    valid: EventEnvelope<unknown>[],
    records: RawRecord[],
    running: () => boolean,
    heartbeat: () => Promise<void>,
  ): Promise<Failed[]> {
    const { retry } = this.bus.settings;
    let lastError: unknown;
    let attempts = 0;
    for (let attempt = 1; attempt <= retry.maxAttempts; attempt++) {
      attempts = attempt;
      try {
        await sub.handle(valid);
        return [];
      } catch (e) {
        lastError = e;
        if (isPermanent(e)) break;
        this.metrics?.retries.inc({ topic: valid[0].topic });
        this.logger.warn({ err: e, attempt, records: valid.length, topic: valid[0].topic }, 'batch handler failed; retrying');
        if (!running() || this.stopping) throw new Error('consumer stopping during retries; batch will be redelivered');
        if (attempt < retry.maxAttempts) {
          await sleep(backoffMs(retry, attempt));
          await heartbeat();
        }
      }
    }
    if (valid.length === 1) return [this.failure(records, valid[0], lastError, attempts)];
    return this.isolate(sub, valid, records, attempts + 1);
  }

  /** After the batch kept failing: each record once more on its own; the failing ones are poison. */
  private async isolate(sub: BatchSubscription, valid: EventEnvelope<unknown>[], records: RawRecord[], attempts: number): Promise<Failed[]> {
    const failed: Failed[] = [];
    for (const envelope of valid) {
      try {
        await withLogContext({ eventId: envelope.headers.eventId, correlationId: envelope.headers.correlationId }, () => sub.handle([envelope]));
      } catch (e) {
        failed.push(this.failure(records, envelope, e, attempts));
      }
    }
    return failed;
  }

  private failure(records: RawRecord[], envelope: EventEnvelope<unknown>, error: unknown, attempts: number): Failed {
    const record = records.find((r) => r.offset === envelope.offset) as RawRecord;
    return { record, error: `handler: ${(error as Error)?.message ?? String(error)}`, attempts };
  }

  private async deadLetter(topic: string, failed: Failed[]): Promise<void> {
    if (failed.length === 0) return;
    const dlq = deadLetterTopic(topic);
    for (const f of failed) {
      this.logger.error({ topic, offset: f.record.offset, error: f.error }, 'record dead-lettered');
      this.metrics?.deadLettered.inc({ topic, reason: f.error.split(':')[0] });
    }
    await this.bus.publishEncoded(
      dlq,
      failed.map((f) => deadLetterMessage(f.record, f.error, this.bus.settings.groupId, f.attempts)),
    );
  }
}

function toRaw(topic: string, partition: number, m: KafkaMessage): RawRecord {
  return { topic, partition, offset: m.offset, key: m.key, value: m.value, headers: m.headers };
}

/** Creates missing topics (and waits for leaders) so the first fetch does not race auto-creation. */
export async function ensureTopics(bus: MessageBus, topics: string[]): Promise<void> {
  const admin = bus.kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((t) => !existing.has(t));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: bus.settings.partitions, replicationFactor: bus.settings.replicationFactor })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}
