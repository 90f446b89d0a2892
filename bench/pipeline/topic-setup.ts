import { Kafka, logLevel } from 'kafkajs';
import { EVENT_CATALOGUE, deadLetterTopic } from '@waken/contracts';
import { createTopicsWithLeaders } from '@waken/platform-messaging';

/**
 * Creates every contract topic (and its dead-letter topic) under the prefix before any service
 * starts. Services create missing topics themselves at boot; seven of them doing so at once for
 * shared topics raced on this broker (a service read the metadata of a topic another had just
 * created, got UNKNOWN_TOPIC_OR_PARTITION, and exited).
 */
export async function createBenchTopics(brokers: string[], topicPrefix: string, partitions = 4): Promise<number> {
  const admin = new Kafka({ clientId: `${topicPrefix}bench-admin`, brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const topics = EVENT_CATALOGUE.flatMap((d) => [topicPrefix + d.topic, deadLetterTopic(topicPrefix + d.topic)]);
    const created = await createTopicsWithLeaders(admin, topics, { partitions, replicationFactor: 1 });
    return created.length;
  } finally {
    await admin.disconnect();
  }
}
