// Two real NestJS apps over the real Kafka broker and real PostgreSQL (issue 2 acceptance):
// a valid batch is handled and observed downstream, invalid payloads land in the DLQ with their
// error, a redelivered event is applied once, a poison record is isolated.
import { Controller, Inject, Injectable, Module } from '@nestjs/common';
import { INestMicroservice } from '@nestjs/common';
import {
  DLQ_HEADER,
  HEADER,
  PUSH_ACCEPTED_V1,
  PushAcceptedV1,
  PushCancelledV1,
} from '@waken/contracts';
import { createLogger } from '@waken/platform-observability';
import { createDataSource, runMigrations } from '@waken/platform-persistence';
import { TEST_KAFKA_BROKERS, createTestDatabase, TestDatabase, uniqueTopicPrefix, waitFor } from '@waken/testing';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  CreateProcessedEvent1764144000000,
  DEFAULT_KAFKA_SETTINGS,
  EventEnvelope,
  EventPublisher,
  KafkaSettings,
  MessageBus,
  MessagingModule,
  OnEvents,
  PermanentError,
  claimBatch,
  deterministicEventId,
} from './index';
import { startBatchApp } from './testing/start-batch-app';

const prefix = uniqueTopicPrefix('messaging');
const logger = createLogger('messaging-int', 'error');
const settings = (groupId: string): KafkaSettings => ({
  ...DEFAULT_KAFKA_SETTINGS,
  brokers: TEST_KAFKA_BROKERS,
  clientId: `${groupId}-test`,
  groupId: `${prefix}${groupId}`,
  topicPrefix: prefix,
  retry: { maxAttempts: 2, initialBackoffMs: 10, maxBackoffMs: 20 },
});

const DS = Symbol('DS');
const received: EventEnvelope<PushCancelledV1>[] = [];
const batchSizes: number[] = [];

/** App A: applies each accepted push once (inbox in PostgreSQL), then publishes downstream. */
@Injectable()
@Controller()
class RelayHandler {
  constructor(
    private readonly bus: EventPublisher,
    @Inject(DS) private readonly ds: DataSource,
  ) {}

  @OnEvents(PushAcceptedV1)
  async onAccepted(batch: EventEnvelope<PushAcceptedV1>[]): Promise<void> {
    batchSizes.push(batch.length);
    if (batch.some((e) => e.payload.piId === 'poison')) throw new PermanentError('poison pill');
    const fresh = await this.ds.transaction(async (tx) => {
      const apply = await claimBatch(tx, 'relay', batch);
      for (const e of apply) await tx.query('INSERT INTO applied (push_id) VALUES ($1)', [e.payload.pushId]);
      return apply;
    });
    await this.bus.publish(
      PushCancelledV1,
      fresh.map((e) => ({
        key: e.key,
        eventId: deterministicEventId('relay', e.headers.eventId),
        causation: e,
        payload: { tenantId: e.payload.tenantId, pushId: e.payload.pushId, publicUserIdentity: e.payload.publicUserIdentity, cancelledAt: new Date().toISOString() },
      })),
    );
  }
}

/** App B: observes what A published. */
@Controller()
class SinkHandler {
  @OnEvents(PushCancelledV1)
  async onCancelled(batch: EventEnvelope<PushCancelledV1>[]): Promise<void> {
    received.push(...batch);
  }
}

async function startApp(module: unknown, groupId: string): Promise<INestMicroservice> {
  const s = settings(groupId);
  @Module({ imports: [MessagingModule.forRoot(s, logger), module as never] })
  class Root {}
  return startBatchApp(Root, logger);
}

describe('messaging between two NestJS apps over real Kafka', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let relay: INestMicroservice;
  let sink: INestMicroservice;
  let producer: MessageBus;

  beforeAll(async () => {
    db = await createTestDatabase('messaging');
    ds = createDataSource({ url: db.url, entities: [], migrations: [CreateProcessedEvent1764144000000] });
    await ds.initialize();
    await runMigrations(ds);
    await ds.query('CREATE TABLE applied (push_id text NOT NULL)');
    @Module({ providers: [{ provide: DS, useValue: ds }], controllers: [RelayHandler] })
    class RelayModule {}
    @Module({ controllers: [SinkHandler] })
    class SinkModule {}
    relay = await startApp(RelayModule, 'relay');
    sink = await startApp(SinkModule, 'sink');
    producer = new MessageBus(settings('producer'), logger);
    await producer.connect();
  });

  afterAll(async () => {
    await relay?.close();
    await sink?.close();
    await producer?.disconnect();
    await ds?.destroy();
    await db?.drop();
  });

  const accepted = (i: number, piId = 'pi-news'): PushAcceptedV1 => ({
    ...PushAcceptedV1.example,
    piId,
    pushId: `push-${i}@pi.example.com`,
    publicUserIdentity: `sip:user${i % 7}@example.com`,
  });

  it('handles a valid batch and the downstream app observes every event, with causation headers', async () => {
    const events = Array.from({ length: 200 }, (_, i) => ({ key: accepted(i).publicUserIdentity, payload: accepted(i), eventId: `ev-${i}` }));
    await producer.publish(PushAcceptedV1, events);
    await waitFor(() => received.length >= 200, { what: '200 events downstream' });
    expect(new Set(received.map((r) => r.payload.pushId)).size).toBe(200);
    const first = received.find((r) => r.payload.pushId === 'push-0@pi.example.com');
    expect(first?.headers.causationId).toBe('ev-0');
    expect(first?.headers.correlationId).toBe('ev-0');
    expect(first?.key).toBe('sip:user0@example.com');
    expect(Math.max(...batchSizes)).toBeGreaterThan(1);
  });

  it('applies a redelivered event once', async () => {
    const event = { key: 'sip:again@example.com', payload: accepted(1000), eventId: 'ev-again' };
    await producer.publish(PushAcceptedV1, [event]);
    await producer.publish(PushAcceptedV1, [event]);
    await producer.publish(PushAcceptedV1, [{ ...event, eventId: 'ev-after', payload: accepted(1001) }]);
    await waitFor(() => received.some((r) => r.payload.pushId === 'push-1001@pi.example.com'), { what: 'marker event' });
    const rows = (await ds.query(`SELECT count(*)::int AS n FROM applied WHERE push_id = 'push-1000@pi.example.com'`)) as Array<{ n: number }>;
    expect(rows[0].n).toBe(1);
    expect(received.filter((r) => r.payload.pushId === 'push-1000@pi.example.com')).toHaveLength(1);
  });

  it('sends invalid payloads and poison records to <topic>.dlq with the original bytes and the error', async () => {
    const kafka = new Kafka({ clientId: 'dlq-reader', brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING });
    const raw = kafka.producer();
    await raw.connect();
    const bad = { ...accepted(2000), tenantId: 42 };
    await raw.send({
      topic: `${prefix}${PUSH_ACCEPTED_V1}`,
      messages: [
        { key: 'k1', value: 'not json {', headers: { [HEADER.eventId]: 'ev-bad-1' } },
        { key: 'k2', value: JSON.stringify(bad), headers: { [HEADER.eventId]: 'ev-bad-2' } },
      ],
    });
    await raw.disconnect();
    await producer.publish(PushAcceptedV1, [{ key: 'k3', payload: accepted(2001, 'poison'), eventId: 'ev-poison' }]);
    await producer.publish(PushAcceptedV1, [{ key: 'k4', payload: accepted(2002), eventId: 'ev-healthy' }]);

    const dead: Array<{ value: string; headers: Record<string, string> }> = [];
    const consumer = kafka.consumer({ groupId: `${prefix}dlq-reader` });
    await consumer.connect();
    await consumer.subscribe({ topic: `${prefix}${PUSH_ACCEPTED_V1}.dlq`, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const headers = Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]));
        dead.push({ value: message.value?.toString() ?? '', headers });
      },
    });
    try {
      await waitFor(() => dead.length >= 3, { what: '3 dead letters' });
      const notJson = dead.find((d) => d.headers[HEADER.eventId] === 'ev-bad-1');
      expect(notJson?.value).toBe('not json {');
      expect(notJson?.headers[DLQ_HEADER.error]).toMatch(/^not-json/);
      const wrongType = dead.find((d) => d.headers[HEADER.eventId] === 'ev-bad-2');
      expect(wrongType?.value).toBe(JSON.stringify(bad));
      expect(wrongType?.headers[DLQ_HEADER.error]).toMatch(/contract: PushAcceptedV1: \/tenantId/);
      expect(wrongType?.headers[DLQ_HEADER.originalTopic]).toBe(`${prefix}${PUSH_ACCEPTED_V1}`);
      const poison = dead.find((d) => d.headers[HEADER.eventId] === 'ev-poison');
      expect(poison?.headers[DLQ_HEADER.error]).toMatch(/handler: poison pill/);
      // tried once in its batch, then in halves of it down to itself (isolation), never retried with backoff
      expect(Number(poison?.headers[DLQ_HEADER.attempts])).toBeGreaterThanOrEqual(1);
      expect(Number(poison?.headers[DLQ_HEADER.attempts])).toBeLessThanOrEqual(8);
      await waitFor(() => received.some((r) => r.payload.pushId === 'push-2002@pi.example.com'), { what: 'healthy record after poison' });
    } finally {
      await consumer.disconnect();
    }
  });
});
