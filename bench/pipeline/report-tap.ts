import { Consumer, Kafka, logLevel } from 'kafkajs';
import { DELIVERY_REPORTED_V1 } from '@waken/contracts';

/** What the bench keeps of the SIR reports of one push. */
export interface PushWire {
  sirIds: string[];
  /** DeliveryReportedV1.onWireAt of the first SIR (epoch ms). */
  onWireAt?: number;
  /** DeliveryReportedV1.acceptedAt (epoch ms), copied from intake through every stage. */
  acceptedAt?: number;
  reports: number;
}

/**
 * Reads `waken.delivery.reported.v1` from the beginning and keeps, per internal push id, the SIRs
 * put on the wire and their timestamps. TopicTap does the same with contract validation and whole
 * envelopes; at several thousand reports a second on a 2-core machine that validation competes
 * with the services being measured, so this tap only parses the JSON.
 */
export class ReportTap {
  readonly byPush = new Map<string, PushWire>();
  sirReports = 0;
  acceptedAtMissing = 0;

  private constructor(private readonly consumer: Consumer) {}

  /** from 'now': only reports published after start() returns (each partition is sought to its end offset). */
  static async start(brokers: string[], topicPrefix: string, from: 'beginning' | 'now' = 'beginning'): Promise<ReportTap> {
    const kafka = new Kafka({ clientId: `${topicPrefix}bench-tap`, brokers, logLevel: logLevel.NOTHING });
    const topic = topicPrefix + DELIVERY_REPORTED_V1;
    const admin = kafka.admin();
    await admin.connect();
    if (!(await admin.listTopics()).includes(topic)) await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 4 }] });
    const ends = from === 'now' ? await admin.fetchTopicOffsets(topic) : [];
    await admin.disconnect();
    const consumer = kafka.consumer({ groupId: `${topicPrefix}bench-tap-${Date.now()}`, maxWaitTimeInMs: 50 });
    const tap = new ReportTap(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachBatch: async ({ batch }) => batch.messages.forEach((m) => m.value && tap.record(m.value)) });
    for (const { partition, high } of ends) consumer.seek({ topic, partition, offset: high });
    return tap;
  }

  of(pushId: string): PushWire | undefined {
    return this.byPush.get(pushId);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private record(value: Buffer): void {
    const r = JSON.parse(value.toString('utf8')) as { pushId: string; sirId: string; kind: string; outcome: string; onWireAt?: string; acceptedAt?: string };
    if (r.kind !== 'sir' || (r.outcome !== 'sent' && r.outcome !== 'delivered')) return;
    this.sirReports += 1;
    const wire = this.byPush.get(r.pushId) ?? { sirIds: [], reports: 0 };
    wire.reports += 1;
    if (!wire.sirIds.includes(r.sirId)) wire.sirIds.push(r.sirId);
    const onWire = r.onWireAt ? Date.parse(r.onWireAt) : undefined;
    if (onWire !== undefined && (wire.onWireAt === undefined || onWire < wire.onWireAt)) wire.onWireAt = onWire;
    if (r.acceptedAt) wire.acceptedAt = Date.parse(r.acceptedAt);
    else this.acceptedAtMissing += 1;
    this.byPush.set(r.pushId, wire);
  }
}
