import { Consumer, Kafka, logLevel } from 'kafkajs';
import {
  DELIVERY_REPORTED_V1, DELIVERY_SIP_REQUESTED_V1, DELIVERY_UDP_REQUESTED_V1, PUSH_ACCEPTED_V1, PUSH_RESOLVED_V1, SIR_COMPOSED_V1, SIR_REQUESTED_V1,
} from '@waken/contracts';

/** The hops of a push, in order (seed §S1-§S7), named by the service that publishes each. */
export const STAGES = {
  'push-intake (outbox relay)': PUSH_ACCEPTED_V1,
  registry: PUSH_RESOLVED_V1,
  'id-check': SIR_REQUESTED_V1,
  'sir-composer': SIR_COMPOSED_V1,
  'encapsulator (udp)': DELIVERY_UDP_REQUESTED_V1,
  'encapsulator (sip)': DELIVERY_SIP_REQUESTED_V1,
} as const;
export type Stage = keyof typeof STAGES;

/** What the bench keeps of one push (internal id) as it crosses the topics. */
export interface PushWire {
  sirIds: string[];
  /** DeliveryReportedV1.onWireAt of the first SIR (epoch ms). */
  onWireAt?: number;
  /** DeliveryReportedV1.acceptedAt (epoch ms), when the stages carry it that far. */
  acceptedAt?: number;
  reports: number;
  /** Kafka record timestamp (the producer's send time) of the first record of each stage. */
  stages: Partial<Record<Stage, number>>;
}

const STAGE_OF = new Map<string, Stage>(Object.entries(STAGES).map(([stage, topic]) => [topic, stage as Stage]));

/**
 * Reads the pipeline's topics and keeps, per internal push id, when each stage published it and
 * which SIRs were put on the wire. TopicTap does this with contract validation and whole envelopes;
 * at several thousand records a second on a 2-core machine that validation competes with the
 * services being measured, so this tap only parses the JSON.
 */
export class PipelineTap {
  readonly byPush = new Map<string, PushWire>();
  sirReports = 0;

  private constructor(
    private readonly consumer: Consumer,
    private readonly prefix: string,
  ) {}

  /** from 'now': only records published after start() returns (each partition is sought to its end). */
  static async start(brokers: string[], topicPrefix: string, from: 'beginning' | 'now' = 'beginning'): Promise<PipelineTap> {
    const kafka = new Kafka({ clientId: `${topicPrefix}bench-tap`, brokers, logLevel: logLevel.NOTHING });
    const topics = [...Object.values(STAGES), DELIVERY_REPORTED_V1].map((t) => topicPrefix + t);
    const admin = kafka.admin();
    await admin.connect();
    const ends = from === 'now' ? await Promise.all(topics.map(async (topic) => ({ topic, offsets: await admin.fetchTopicOffsets(topic) }))) : [];
    await admin.disconnect();
    const consumer = kafka.consumer({ groupId: `${topicPrefix}bench-tap-${Date.now()}`, maxWaitTimeInMs: 50 });
    const tap = new PipelineTap(consumer, topicPrefix);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      partitionsConsumedConcurrently: 4,
      eachBatch: async ({ batch }) => batch.messages.forEach((m) => m.value && tap.record(batch.topic, m.value, Number(m.timestamp))),
    });
    for (const { topic, offsets } of ends) for (const { partition, high } of offsets) consumer.seek({ topic, partition, offset: high });
    return tap;
  }

  of(pushId: string): PushWire | undefined {
    return this.byPush.get(pushId);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private wire(pushId: string): PushWire {
    let w = this.byPush.get(pushId);
    if (!w) this.byPush.set(pushId, (w = { sirIds: [], reports: 0, stages: {} }));
    return w;
  }

  private record(topic: string, value: Buffer, timestamp: number): void {
    const r = JSON.parse(value.toString('utf8')) as { pushId: string; sirId?: string; kind?: string; outcome?: string; onWireAt?: string; acceptedAt?: string };
    const name = topic.slice(this.prefix.length);
    const stage = STAGE_OF.get(name);
    if (stage) {
      const w = this.wire(r.pushId);
      w.stages[stage] ??= timestamp;
      return;
    }
    if (r.kind !== 'sir' || (r.outcome !== 'sent' && r.outcome !== 'delivered') || !r.sirId) return;
    this.sirReports += 1;
    const w = this.wire(r.pushId);
    w.reports += 1;
    if (!w.sirIds.includes(r.sirId)) w.sirIds.push(r.sirId);
    const onWire = r.onWireAt ? Date.parse(r.onWireAt) : undefined;
    if (onWire !== undefined && (w.onWireAt === undefined || onWire < w.onWireAt)) w.onWireAt = onWire;
    if (r.acceptedAt) w.acceptedAt = Date.parse(r.acceptedAt);
  }
}
