import { deadLetterTopic, EVENT_CATALOGUE } from '@waken/contracts';
import { DEFAULT_KAFKA_SETTINGS, ensureTopics, MessageBus } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { TEST_KAFKA_BROKERS } from '@waken/testing';

/**
 * Creates every topic of the pipeline and its dead-letter topic under `topicPrefix` (waiting for
 * leaders) before the services start. Ten processes booting at once otherwise create the same
 * topics concurrently, and a consumer whose CreateTopics lost the race can subscribe before the
 * topic has a leader: kafkajs then fails the boot with UNKNOWN_TOPIC_OR_PARTITION (seen here:
 * the registry process exited during start; docs/e2e.md "Known issues").
 */
export async function createPipelineTopics(topicPrefix: string): Promise<void> {
  const settings = { ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: `${topicPrefix}setup`, groupId: `${topicPrefix}setup`, topicPrefix };
  const bus = new MessageBus(settings, createLogger('e2e-topics', 'error'));
  const topics = EVENT_CATALOGUE.map((d) => bus.topicName(d.topic));
  await ensureTopics(bus, [...topics, ...topics.map(deadLetterTopic)]);
}
