import { EventDefinition } from '@waken/contracts';
import { Consumer, Kafka, logLevel } from 'kafkajs';
import { EventEnvelope } from './event-envelope';
import { decodeRecord } from './record-codec';
import { createTopicsWithLeaders } from './topic-admin';

/**
 * Reads topics from the beginning into memory, decoded against their contracts: what tests and
 * the benchmark use to observe a pipeline from outside. Not for services.
 */
export class TopicTap {
  private readonly seen = new Map<string, EventEnvelope<unknown>[]>();

  private constructor(
    private readonly consumer: Consumer,
    private readonly prefix: string,
  ) {}

  static async start(brokers: string[], topicPrefix: string, defs: EventDefinition[]): Promise<TopicTap> {
    const kafka = new Kafka({ clientId: `${topicPrefix}tap`, brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `${topicPrefix}tap-${Date.now()}`, maxWaitTimeInMs: 100 });
    const tap = new TopicTap(consumer, topicPrefix);
    const admin = kafka.admin();
    await admin.connect();
    const topics = defs.map((d) => topicPrefix + d.topic);
    try {
      await createTopicsWithLeaders(admin, topics, { partitions: 4, replicationFactor: 1 });
    } finally {
      await admin.disconnect();
    }
    const byTopic = new Map(defs.map((d) => [topicPrefix + d.topic, d]));
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const def = byTopic.get(topic) as EventDefinition;
        const env = decodeRecord(def, { topic, partition, offset: message.offset, key: message.key, value: message.value, headers: message.headers });
        const list = tap.seen.get(def.topic) ?? [];
        list.push(env);
        tap.seen.set(def.topic, list);
      },
    });
    return tap;
  }

  /** Everything seen so far on the contract's topic. */
  of<T>(def: EventDefinition): EventEnvelope<T>[] {
    return (this.seen.get(def.topic) ?? []) as EventEnvelope<T>[];
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  get topicPrefix(): string {
    return this.prefix;
  }
}
