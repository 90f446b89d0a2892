// A burst of large records to one partition is split into sendBatch calls under the broker's
// 1 MiB record-batch limit instead of failing with MESSAGE_TOO_LARGE.
import { PushCancelledV1 } from '@waken/contracts';
import { createLogger } from '@waken/platform-observability';
import { TEST_KAFKA_BROKERS, uniqueTopicPrefix, waitFor } from '@waken/testing';
import { DEFAULT_KAFKA_SETTINGS } from './kafka-settings';
import { MessageBus } from './message-bus';
import { TopicTap } from './topic-tap';
import { ensureTopics } from './batch-consumer';

describe('MessageBus batching by bytes', () => {
  it('publishes 3,000 records of ~1 KiB on one key (one partition) without MESSAGE_TOO_LARGE', async () => {
    const prefix = uniqueTopicPrefix('bus-bytes');
    const bus = new MessageBus({ ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: 'b', groupId: 'b', topicPrefix: prefix, maxBatchRecords: 5000 }, createLogger('t', 'error'));
    await bus.connect();
    const tap = await TopicTap.start(TEST_KAFKA_BROKERS, prefix, [PushCancelledV1]);
    try {
      const pad = 'x'.repeat(400);
      await bus.publish(
        PushCancelledV1,
        Array.from({ length: 3000 }, (_, i) => ({ key: 'one-key', payload: { ...PushCancelledV1.example, pushId: `${i}-${pad}`.slice(0, 256), publicUserIdentity: `sip:${pad}@x` } })),
      );
      await waitFor(() => tap.of(PushCancelledV1).length >= 3000, { what: '3000 records', timeoutMs: 30000 });
      expect(tap.of(PushCancelledV1)).toHaveLength(3000);
    } finally {
      await tap.stop();
      await bus.disconnect();
    }
  });
});

describe('ensureTopics', () => {
  it('tolerates services creating the same topics at the same time', async () => {
    const prefix = uniqueTopicPrefix('ensure');
    const buses = Array.from({ length: 4 }, (_, i) => new MessageBus({ ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: `e${i}`, groupId: `e${i}`, topicPrefix: prefix }, createLogger('t', 'error')));
    const topics = [`${prefix}a`, `${prefix}b`, `${prefix}c`];
    await expect(Promise.all(buses.map((b) => ensureTopics(b, topics)))).resolves.toHaveLength(4);
  });
});
