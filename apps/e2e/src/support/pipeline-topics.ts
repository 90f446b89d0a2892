import { deadLetterTopic, EVENT_CATALOGUE } from '@waken/contracts';
import { DEFAULT_KAFKA_SETTINGS, ensureTopics, MessageBus } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { TEST_KAFKA_BROKERS, waitFor } from '@waken/testing';

const TOPICS_TIMEOUT_MS = 120_000;

/**
 * Creates every topic of the pipeline and its dead-letter topic under `topicPrefix`, and waits
 * until each partition has a leader, before the services start. Ten processes booting at once
 * otherwise create the same topics concurrently, and a consumer whose CreateTopics lost the race
 * can subscribe before the topic has a leader: kafkajs then fails the boot with
 * UNKNOWN_TOPIC_OR_PARTITION (docs/e2e.md "Known issues"). On a busy broker kafkajs' own wait for
 * leaders gives up with the same error, so the whole step is retried until the deadline.
 */
export async function createPipelineTopics(topicPrefix: string): Promise<void> {
  const settings = { ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: `${topicPrefix}setup`, groupId: `${topicPrefix}setup`, topicPrefix };
  const bus = new MessageBus(settings, createLogger('e2e-topics', 'fatal'));
  const topics = EVENT_CATALOGUE.map((d) => bus.topicName(d.topic));
  const all = [...topics, ...topics.map(deadLetterTopic)];
  const admin = bus.kafka.admin();
  await admin.connect();
  try {
    await waitFor(
      async () => {
        await ensureTopics(bus, all);
        const { topics: meta } = await admin.fetchTopicMetadata({ topics: all });
        return meta.length === all.length && meta.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0));
      },
      { timeoutMs: TOPICS_TIMEOUT_MS, intervalMs: 500, what: `${all.length} topics under ${topicPrefix} with leaders` },
    );
  } finally {
    await admin.disconnect();
  }
}
