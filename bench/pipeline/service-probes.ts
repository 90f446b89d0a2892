import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { TEST_PG_ADMIN_URL } from '@waken/testing';

/** Per consumed topic of one service over a window: Kafka batches handled and their sizes. */
export interface TopicBatches {
  batches: number;
  records: number;
  avgBatch: number;
  avgHandlerMs: number;
  retries: number;
  deadLettered: number;
  /** Records not yet committed by the service's group (all partitions) at the end of the window. */
  lagAtEnd?: number;
  recordsPerS: number;
}

export interface DbPerPush {
  commits: number;
  rowsInserted: number;
  rowsUpdated: number;
  rowsDeleted: number;
}

type Counters = Map<string, number>;

/** `name{labels} value` lines of a Prometheus text page, keyed by name + topic label (prefix removed). */
function parseMetrics(text: string, topicPrefix: string): Counters {
  const out: Counters = new Map();
  for (const line of text.split('\n')) {
    const m = /^(waken_batch_size_(?:sum|count)|waken_handler_duration_seconds_sum|waken_handler_retries_total|waken_dlq_total)\{([^}]*)\} ([0-9.e+-]+)$/.exec(line);
    if (!m) continue;
    const topic = (/topic="([^"]*)"/.exec(m[2])?.[1] ?? '').replace(topicPrefix, '');
    const key = `${m[1]}|${topic}`;
    out.set(key, (out.get(key) ?? 0) + Number(m[3]));
  }
  return out;
}

async function scrape(url: string, topicPrefix: string): Promise<Counters> {
  const res = await fetch(`${url}/metrics`).catch(() => undefined);
  return res?.ok ? parseMetrics(await res.text(), topicPrefix) : new Map();
}

function batchesBetween(a: Counters, b: Counters, seconds: number): Record<string, TopicBatches> {
  const d = (name: string, topic: string) => (b.get(`${name}|${topic}`) ?? 0) - (a.get(`${name}|${topic}`) ?? 0);
  const topics = new Set([...b.keys()].filter((k) => k.startsWith('waken_batch_size_count|')).map((k) => k.split('|')[1]));
  const out: Record<string, TopicBatches> = {};
  for (const t of topics) {
    const batches = d('waken_batch_size_count', t);
    if (batches <= 0) continue;
    const records = d('waken_batch_size_sum', t);
    const r1 = (n: number) => Math.round(n * 10) / 10;
    out[t] = {
      batches, records, avgBatch: r1(records / batches), avgHandlerMs: r1((d('waken_handler_duration_seconds_sum', t) * 1000) / batches),
      retries: d('waken_handler_retries_total', t), deadLettered: d('waken_dlq_total', t), recordsPerS: Math.round(records / seconds),
    };
  }
  return out;
}

async function dbCounters(names: string[]): Promise<Map<string, number[]>> {
  const c = new Client({ connectionString: TEST_PG_ADMIN_URL });
  await c.connect();
  try {
    const { rows } = await c.query<{ datname: string; xact_commit: string; tup_inserted: string; tup_updated: string; tup_deleted: string }>(
      'SELECT datname, xact_commit, tup_inserted, tup_updated, tup_deleted FROM pg_stat_database WHERE datname = ANY($1)', [names],
    );
    return new Map(rows.map((r) => [r.datname, [r.xact_commit, r.tup_inserted, r.tup_updated, r.tup_deleted].map(Number)]));
  } finally {
    await c.end();
  }
}

/**
 * What each service did per push during a window, from its own /metrics (Kafka batch sizes,
 * handler time, retries, dead letters) and PostgreSQL's pg_stat_database (transactions and rows
 * per push in each service's database): the "batch sizes? per-record costs?" questions.
 */
export class ServiceProbes {
  private metrics = new Map<string, Counters>();
  private startedAt = 0;
  private db = new Map<string, number[]>();

  constructor(
    private readonly urls: Record<string, string>,
    private readonly databases: Record<string, string>,
    private readonly topicPrefix: string,
    private readonly brokers: string[],
  ) {}

  async start(): Promise<void> {
    this.startedAt = performance.now();
    [this.metrics, this.db] = await Promise.all([this.scrapeAll(), dbCounters(Object.values(this.databases)).catch(() => new Map<string, number[]>())]);
  }

  async stop(pushes: number) {
    const [metrics, db] = await Promise.all([this.scrapeAll(), dbCounters(Object.values(this.databases)).catch(() => new Map<string, number[]>())]);
    const seconds = (performance.now() - this.startedAt) / 1000;
    const kafkaBatches = Object.fromEntries(Object.keys(this.urls).map((app) => [app, batchesBetween(this.metrics.get(app) ?? new Map(), metrics.get(app) ?? new Map(), seconds)]));
    await this.addLag(kafkaBatches).catch(() => undefined);
    const per = (n: number) => Math.round((n / Math.max(1, pushes)) * 100) / 100;
    const databasePerPush: Record<string, DbPerPush> = {};
    for (const [app, name] of Object.entries(this.databases)) {
      const [a, b] = [this.db.get(name), db.get(name)];
      if (a && b) databasePerPush[app] = { commits: per(b[0] - a[0]), rowsInserted: per(b[1] - a[1]), rowsUpdated: per(b[2] - a[2]), rowsDeleted: per(b[3] - a[3]) };
    }
    return { kafkaBatches, databasePerPush };
  }

  /** Lag from the broker: end offsets minus the group's committed offsets (services commit after each batch). */
  private async addLag(kafkaBatches: Record<string, Record<string, TopicBatches>>): Promise<void> {
    const admin = new Kafka({ clientId: `${this.topicPrefix}bench-lag`, brokers: this.brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    try {
      for (const [app, topics] of Object.entries(kafkaBatches)) {
        for (const [topic, b] of Object.entries(topics)) {
          const name = this.topicPrefix + topic;
          const [ends, [committed]] = await Promise.all([admin.fetchTopicOffsets(name), admin.fetchOffsets({ groupId: `${this.topicPrefix}${app}`, topics: [name] })]);
          const at = new Map(committed.partitions.map((p) => [p.partition, Math.max(0, Number(p.offset))]));
          b.lagAtEnd = ends.reduce((sum, e) => sum + Number(e.high) - (at.get(e.partition) ?? 0), 0);
        }
      }
    } finally {
      await admin.disconnect();
    }
  }

  private async scrapeAll(): Promise<Map<string, Counters>> {
    const entries = await Promise.all(Object.entries(this.urls).map(async ([app, url]) => [app, await scrape(url, this.topicPrefix)] as const));
    return new Map(entries);
  }
}

export type ServiceObservations = Awaited<ReturnType<ServiceProbes['stop']>>;
