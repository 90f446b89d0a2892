import { EventDefinition } from '@waken/contracts';
import { Kafka, Producer, CompressionTypes, logLevel, Message } from 'kafkajs';
import { Logger } from 'pino';
import { OutgoingEvent } from './event-envelope';
import { EventPublisher } from './event-publisher';
import { KafkaSettings } from './kafka-settings';
import { EncodedRecord, encodeRecord } from './record-codec';

interface Pending {
  topic: string;
  message: Message;
  bytes: number;
  resolve: () => void;
  reject: (e: Error) => void;
}

/**
 * The one producer of a service. Calls made in the same tick (or within lingerMs) are coalesced
 * into one sendBatch with acks=all, which is what lets every hop batch (brief: 5,000 pushes/s).
 * Outgoing payloads are validated against their contract before they leave.
 */
export class MessageBus extends EventPublisher {
  readonly kafka: Kafka;
  private readonly producer: Producer;
  private queue: Pending[] = [];
  private queuedBytes = 0;
  private flushScheduled = false;
  private connected = false;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    readonly settings: KafkaSettings,
    private readonly logger: Logger,
    private readonly onPublished?: (topic: string, count: number) => void,
  ) {
    super();
    this.kafka = new Kafka({
      clientId: settings.clientId,
      brokers: settings.brokers,
      logLevel: logLevel.WARN,
      logCreator: () => ({ level, log }) => logger.warn({ kafka: log.message, level }, 'kafkajs'),
      retry: { retries: 8, initialRetryTime: 100, maxRetryTime: 5000 },
    });
    this.producer = this.kafka.producer({ allowAutoTopicCreation: true, retry: { retries: 8 } });
  }

  topicName(topic: string): string {
    return this.settings.topicPrefix + topic;
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.producer.connect();
    this.connected = true;
  }

  /** Publishes events of one contract; resolves when the broker has acknowledged all of them. */
  publish<T>(def: EventDefinition, events: OutgoingEvent<T>[]): Promise<void> {
    if (events.length === 0) return Promise.resolve();
    const records = events.map((e) => {
      def.parse(e.payload);
      return encodeRecord(def, e);
    });
    return this.publishEncoded(this.topicName(def.topic), records);
  }

  /** Publishes records that are already encoded (dead letters keep their original bytes). */
  publishEncoded(topic: string, records: Array<EncodedRecord | Message>): Promise<void> {
    const all = records.map(
      (message) =>
        new Promise<void>((resolve, reject) => {
          const bytes = recordBytes(message as Message);
          this.queue.push({ topic, message: message as Message, bytes, resolve, reject });
          this.queuedBytes += bytes;
        }),
    );
    this.scheduleFlush();
    return Promise.all(all).then(() => undefined);
  }

  private scheduleFlush(): void {
    if (this.queue.length >= this.settings.maxBatchRecords || this.queuedBytes >= this.settings.maxBatchBytes) {
      void this.flush();
      return;
    }
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    const run = (): void => {
      this.flushScheduled = false;
      void this.flush();
    };
    if (this.settings.lingerMs > 0) setTimeout(run, this.settings.lingerMs);
    else setImmediate(run);
  }

  private flush(): Promise<void> {
    const queued = this.queue;
    this.queue = [];
    this.queuedBytes = 0;
    return Promise.all(chunkByBytes(queued, this.settings.maxBatchBytes).map((chunk) => this.send(chunk))).then(() => undefined);
  }

  private send(batch: Pending[]): Promise<void> {
    if (batch.length === 0) return Promise.resolve();
    const byTopic = new Map<string, Message[]>();
    for (const p of batch) {
      const list = byTopic.get(p.topic) ?? [];
      list.push(p.message);
      byTopic.set(p.topic, list);
    }
    const send = this.producer
      .sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      })
      .then(() => {
        for (const [topic, messages] of byTopic) this.onPublished?.(topic, messages.length);
        batch.forEach((p) => p.resolve());
      })
      .catch((e: Error) => {
        this.logger.error({ err: e, records: batch.length }, 'publish failed');
        batch.forEach((p) => p.reject(e));
      });
    this.inFlight.add(send);
    return send.finally(() => this.inFlight.delete(send));
  }

  /** Sends what is queued and waits for every outstanding send. */
  async drain(): Promise<void> {
    await this.flush();
    await Promise.allSettled([...this.inFlight]);
  }

  async disconnect(): Promise<void> {
    if (!this.connected) return;
    await this.drain();
    await this.producer.disconnect();
    this.connected = false;
  }
}

function recordBytes(m: Message): number {
  let n = 64 + (m.key ? Buffer.byteLength(m.key as string | Buffer) : 0) + (m.value ? Buffer.byteLength(m.value as string | Buffer) : 0);
  for (const [k, v] of Object.entries(m.headers ?? {})) n += k.length + (v ? Buffer.byteLength(String(v)) : 0);
  return n;
}

/** Consecutive chunks of at most maxBytes each (a record larger than that travels alone). */
function chunkByBytes(items: Pending[], maxBytes: number): Pending[][] {
  const chunks: Pending[][] = [];
  let current: Pending[] = [];
  let size = 0;
  for (const p of items) {
    if (current.length > 0 && size + p.bytes > maxBytes) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(p);
    size += p.bytes;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}
