// reliability.md R8 on the real broker and PostgreSQL: while a steady stream of records flows,
// the consumer group of one service is scaled 1 → 3 → 1 twice (instances join, handle batches of
// the partitions Kafka moved to them, and leave). Every record is applied exactly once: redeliveries after a
// rebalance are absorbed by the inbox (claimBatch on a PostgreSQL unique key).
import { Controller, INestMicroservice, Inject, Module } from '@nestjs/common';
import { PushAcceptedV1 } from '@waken/contracts';
import { createLogger } from '@waken/platform-observability';
import { createDataSource, runMigrations } from '@waken/platform-persistence';
import { createTestDatabase, TEST_KAFKA_BROKERS, TestDatabase, uniqueTopicPrefix, waitFor } from '@waken/testing';
import { DataSource } from 'typeorm';
import {
  claimBatch,
  CreateProcessedEvent1764144000000,
  DEFAULT_KAFKA_SETTINGS,
  EventEnvelope,
  KafkaSettings,
  MessageBus,
  MessagingModule,
  OnEvents,
} from './index';
import { startBatchApp } from './testing/start-batch-app';

const RATE_PER_S = 150;
const CHUNK = 15;
const prefix = uniqueTopicPrefix('consumer_scaling');
const logger = createLogger('consumer-scaling', 'fatal');
const DS = Symbol('DS');
const settings = (clientId: string): KafkaSettings => ({
  ...DEFAULT_KAFKA_SETTINGS,
  brokers: TEST_KAFKA_BROKERS,
  clientId: `${prefix}${clientId}`,
  groupId: `${prefix}apply`,
  topicPrefix: prefix,
  retry: { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 50 },
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Batches each instance handled (by client id), to see that the scaled-out ones took part. */
const handledBy = new Map<string, number>();

describe('R8: a consumer group scaled 1 → 3 → 1 twice under load (real Kafka + PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let producer: MessageBus;
  const instances = new Map<string, INestMicroservice>();

  async function startInstance(name: string): Promise<void> {
    @Controller()
    class ApplyHandler {
      constructor(@Inject(DS) private readonly data: DataSource) {}

      @OnEvents(PushAcceptedV1)
      async onAccepted(batch: EventEnvelope<PushAcceptedV1>[]): Promise<void> {
        handledBy.set(name, (handledBy.get(name) ?? 0) + 1);
        await this.data.transaction(async (tx) => {
          const fresh = await claimBatch(tx, 'r8', batch);
          if (fresh.length === 0) return;
          await tx.query('INSERT INTO applied (push_id) SELECT unnest($1::text[])', [fresh.map((e) => e.payload.pushId)]);
        });
      }
    }
    @Module({ imports: [MessagingModule.forRoot(settings(name), logger)], providers: [{ provide: DS, useValue: ds }], controllers: [ApplyHandler] })
    class Root {}
    instances.set(name, await startBatchApp(Root, logger));
  }

  async function stopInstance(name: string): Promise<void> {
    await instances.get(name)?.close();
    instances.delete(name);
  }

  beforeAll(async () => {
    db = await createTestDatabase('consumer_scaling');
    ds = createDataSource({ url: db.url, entities: [], migrations: [CreateProcessedEvent1764144000000] });
    await ds.initialize();
    await runMigrations(ds);
    await ds.query('CREATE TABLE applied (push_id text NOT NULL)');
    producer = new MessageBus(settings('producer'), logger);
    await producer.connect();
    await startInstance('a');
  }, 120_000);

  afterAll(async () => {
    for (const name of [...instances.keys()]) await stopInstance(name);
    await producer?.disconnect();
    await ds?.destroy();
    await db?.drop();
  });

  it('applies every record exactly once while instances join and leave', async () => {
    // the stream runs until both rounds are done (a rebalance takes a few heartbeats)
    let sent = 0;
    let streaming = true;
    const load = (async () => {
      const started = Date.now();
      for (; streaming; sent += CHUNK) {
        const events = Array.from({ length: CHUNK }, (_, k) => {
          const i = sent + k;
          return { key: `sip:user${i % 97}@example.com`, eventId: `ev-${i}`, payload: { ...PushAcceptedV1.example, pushId: `push-${i}` } };
        });
        await producer.publish(PushAcceptedV1, events);
        await sleep(Math.max(0, started + ((sent + CHUNK) / RATE_PER_S) * 1000 - Date.now()));
      }
    })();
    const appliedCount = async () => Number(((await ds.query('SELECT count(*) AS n FROM applied')) as Array<{ n: string }>)[0].n);
    const progress = async (atLeast: number) => waitFor(async () => (await appliedCount()) >= atLeast, { timeoutMs: 60_000, intervalMs: 100, what: `${atLeast} applied` });

    for (const round of [1, 2]) {
      await progress((await appliedCount()) + 300);
      const joined = [`b${round}`, `c${round}`];
      await Promise.all(joined.map(startInstance));
      // scaled out for real: the joined instances got partitions and handled batches
      await waitFor(() => joined.every((n) => handledBy.has(n)), { timeoutMs: 60_000, intervalMs: 100, what: `${joined.join(' and ')} handling batches` });
      await progress((await appliedCount()) + 300);
      await Promise.all(joined.map(stopInstance));
    }
    streaming = false;
    await load;
    const total = sent;
    await progress(total);
    // nothing more arrives late, and nothing twice
    await sleep(1000);
    const rows = (await ds.query('SELECT push_id, count(*)::int AS n FROM applied GROUP BY push_id')) as Array<{ push_id: string; n: number }>;
    expect(rows).toHaveLength(total);
    expect(rows.filter((r) => r.n > 1)).toEqual([]);
    expect([...handledBy.keys()].sort()).toEqual(['a', 'b1', 'b2', 'c1', 'c2']);
  }, 240_000);
});
