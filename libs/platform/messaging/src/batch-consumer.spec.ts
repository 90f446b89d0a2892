import { HEADER, PushAcceptedV1 } from '@waken/contracts';
import type { EachBatchPayload } from 'kafkajs';
import pino from 'pino';
import { BatchConsumer } from './batch-consumer';
import { DEFAULT_KAFKA_SETTINGS } from './kafka-settings';
import type { MessageBus } from './message-bus';

const TOPIC = 'waken.push.accepted.v1';

/** One partition's eachBatch payload, as kafkajs hands it over, recording what the consumer does with it. */
function partitionBatch(partition: number, offsets: number[], log: string[]) {
  const messages = offsets.map((offset) => ({
    offset: String(offset),
    key: Buffer.from(`sip:user${partition}@example.com`),
    value: Buffer.from(JSON.stringify({ ...PushAcceptedV1.example, pushId: `p${partition}-${offset}` })),
    headers: { [HEADER.eventId]: Buffer.from(`ev-${partition}-${offset}`) },
    timestamp: '0',
    attributes: 0,
  }));
  const payload = {
    batch: { topic: TOPIC, partition, messages, lastOffset: () => String(offsets[offsets.length - 1]) },
    resolveOffset: (offset: string) => log.push(`resolve ${partition}:${offset}`),
    commitOffsetsIfNecessary: async () => undefined,
    heartbeat: async () => undefined,
    isRunning: () => true,
    isStale: () => false,
  };
  return payload as unknown as EachBatchPayload;
}

describe('BatchConsumer: partition batches of one fetch are handled as one', () => {
  const bus = { settings: { ...DEFAULT_KAFKA_SETTINGS, groupId: 'g', clientId: 'c', brokers: [] }, topicName: (t: string) => t } as unknown as MessageBus;

  it('joins the partitions that arrive together into one handler call, keeps each partition in order, resolves every partition after it', async () => {
    const log: string[] = [];
    const calls: Array<Array<[number, string]>> = [];
    const consumer = new BatchConsumer(
      bus,
      [
        {
          definition: PushAcceptedV1,
          handle: async (batch) => {
            calls.push(batch.map((e) => [e.partition, e.offset]));
            log.push('handled');
          },
        },
      ],
      pino({ level: 'silent' }),
    );
    const onBatch = (p: EachBatchPayload) => (consumer as unknown as { onBatch(p: EachBatchPayload): Promise<void> }).onBatch(p);
    await Promise.all([onBatch(partitionBatch(0, [5, 6], log)), onBatch(partitionBatch(1, [9], log)), onBatch(partitionBatch(3, [1, 2, 3], log))]);
    expect(calls).toEqual([[[0, '5'], [0, '6'], [1, '9'], [3, '1'], [3, '2'], [3, '3']]]);
    expect(log[0]).toBe('handled');
    expect(log.slice(1).sort()).toEqual(['resolve 0:6', 'resolve 1:9', 'resolve 3:3']);

    // a partition batch arriving later is a batch of its own
    await onBatch(partitionBatch(2, [7], log));
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual([[2, '7']]);
  });

  it('a failing joined batch leaves every partition unresolved (redelivered)', async () => {
    const log: string[] = [];
    const consumer = new BatchConsumer(
      bus,
      [
        {
          definition: PushAcceptedV1,
          handle: async () => {
            throw new Error('database down');
          },
        },
      ],
      pino({ level: 'silent' }),
    );
    const stopping = (p: EachBatchPayload) => Object.assign(p, { isRunning: () => false });
    const onBatch = (p: EachBatchPayload) => (consumer as unknown as { onBatch(p: EachBatchPayload): Promise<void> }).onBatch(p);
    const results = await Promise.allSettled([onBatch(stopping(partitionBatch(0, [1], log))), onBatch(stopping(partitionBatch(1, [1], log)))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(log).toEqual([]);
  });
});
