import { DLQ_HEADER, HEADER, PushAcceptedV1 } from '@waken/contracts';
import pino from 'pino';
import { BatchProcessor } from './batch-processor';
import type { EventEnvelope } from './event-envelope';
import type { EventPublisher } from './event-publisher';
import { PermanentError } from './failure-policy';
import { DEFAULT_KAFKA_SETTINGS } from './kafka-settings';
import type { RawRecord } from './record-codec';

function record(partition: number, offset: number, poison = false): RawRecord {
  return {
    topic: 'waken.push.accepted.v1',
    partition,
    offset: String(offset),
    key: Buffer.from(`sip:user${offset % 5}@example.com`),
    value: Buffer.from(JSON.stringify({ ...PushAcceptedV1.example, piId: poison ? 'poison' : 'pi', pushId: `p${partition}-${offset}` })),
    headers: { [HEADER.eventId]: Buffer.from(`ev-${partition}-${offset}`) },
  };
}

function publisher() {
  const dead: Array<{ topic: string; headers: Record<string, string> }> = [];
  const pub = {
    settings: { ...DEFAULT_KAFKA_SETTINGS, groupId: 'g', clientId: 'c', brokers: [], retry: { maxAttempts: 3, initialBackoffMs: 1, maxBackoffMs: 2 } },
    publishEncoded: async (topic: string, messages: Array<{ headers: Record<string, string | Buffer> }>) => {
      for (const m of messages) dead.push({ topic, headers: Object.fromEntries(Object.entries(m.headers).map(([k, v]) => [k, String(v)])) });
    },
  } as unknown as EventPublisher;
  return { pub, dead };
}

const control = { running: () => true, heartbeat: async () => undefined };

describe('BatchProcessor: poison isolation (reliability.md R7)', () => {
  it('finds one poison record among 64 in about 2·log2(64) handler calls; every healthy record is applied, in order per key', async () => {
    const { pub, dead } = publisher();
    const records = Array.from({ length: 64 }, (_, i) => record(i % 2, i, i === 37));
    const applied: string[] = [];
    let calls = 0;
    const handle = async (batch: EventEnvelope<unknown>[]) => {
      calls++;
      if (batch.some((e) => (e.payload as PushAcceptedV1).piId === 'poison')) throw new PermanentError('poison pill');
      applied.push(...batch.map((e) => (e.payload as PushAcceptedV1).pushId));
    };
    await new BatchProcessor(pub, pino({ level: 'silent' })).process({ definition: PushAcceptedV1, handle }, records, control);
    expect(dead).toHaveLength(1);
    expect(dead[0].headers[HEADER.eventId]).toBe('ev-1-37');
    expect(dead[0].topic).toBe('waken.push.accepted.v1.dlq');
    expect(Number(dead[0].headers[DLQ_HEADER.attempts])).toBe(1 + 6);
    expect(calls).toBeLessThanOrEqual(1 + 2 * 6);
    const healthy = records.filter((_, i) => i !== 37).map((r) => JSON.parse(String(r.value)).pushId);
    expect([...applied].sort()).toEqual([...healthy].sort());
    // a key's records were applied in offset order
    for (let k = 0; k < 5; k++) {
      const ofKey = applied.filter((id) => Number(id.split('-')[1]) % 5 === k).map((id) => Number(id.split('-')[1]));
      expect(ofKey).toEqual([...ofKey].sort((a, b) => a - b));
    }
  });

  it('dead-letters every poison record of a batch, and only those', async () => {
    const { pub, dead } = publisher();
    const poison = new Set([0, 13, 14, 63]);
    const records = Array.from({ length: 64 }, (_, i) => record(0, i, poison.has(i)));
    const handle = async (batch: EventEnvelope<unknown>[]) => {
      if (batch.some((e) => (e.payload as PushAcceptedV1).piId === 'poison')) throw new PermanentError('poison pill');
    };
    await new BatchProcessor(pub, pino({ level: 'silent' })).process({ definition: PushAcceptedV1, handle }, records, control);
    expect(dead.map((d) => d.headers[HEADER.eventId]).sort()).toEqual(['ev-0-0', 'ev-0-13', 'ev-0-14', 'ev-0-63']);
  });
});
