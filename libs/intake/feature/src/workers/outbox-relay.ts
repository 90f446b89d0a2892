import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { EventDefinition, PUSH_ACCEPTED_V1, PUSH_CANCELLED_V1, PushAcceptedV1, PushCancelledV1 } from '@waken/contracts';
import { ClaimedOutboxMessage, OutboxRepository } from '@waken/intake-data-access';
import { EventPublisher } from '@waken/platform-messaging';
import { LOGGER, Logger } from '@waken/platform-observability';
import { DataSource } from 'typeorm';
import { INTAKE_DATA_SOURCE, INTAKE_OPTIONS, IntakeOptions } from '../intake.options';
import { PollingLoop } from './polling-loop';

const DEFINITIONS: Record<string, EventDefinition> = { [PUSH_ACCEPTED_V1]: PushAcceptedV1, [PUSH_CANCELLED_V1]: PushCancelledV1 };

/**
 * Publishes the outbox: claims due rows (FOR UPDATE SKIP LOCKED), publishes them with their
 * stored event ids, marks them sent, commits. If Kafka is down the transaction rolls back and
 * the rows wait; a crash after publishing republishes the same event ids (at least once).
 * Rows due in the future are held pushes (deliver-after): this is also the scheduler.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly outbox = new OutboxRepository();
  private readonly loop: PollingLoop;

  constructor(
    @Inject(INTAKE_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(INTAKE_OPTIONS) private readonly options: IntakeOptions,
    private readonly publisher: EventPublisher,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.loop = new PollingLoop('outbox-relay', options.pollIntervalMs, () => this.relayOnce(), logger);
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Publish soon: a push was just accepted. */
  kick(): void {
    this.loop.kick();
  }

  /** One batch; true when there may be more. */
  async relayOnce(now = new Date()): Promise<boolean> {
    return this.ds.transaction(async (m) => {
      const due = await this.outbox.claimDue(m, now, this.options.relayBatchSize);
      if (due.length === 0) return false;
      await Promise.all([...groupByTopic(due)].map(([topic, messages]) => this.publish(topic, messages)));
      await this.outbox.markSent(m, due.map((d) => d.id));
      return due.length === this.options.relayBatchSize;
    });
  }

  private publish(topic: string, messages: ClaimedOutboxMessage[]): Promise<void> {
    const def = DEFINITIONS[topic];
    if (!def) throw new Error(`outbox row for unknown topic ${topic}`);
    const pushId = (m: ClaimedOutboxMessage) => (m.payload as { pushId: string }).pushId;
    return this.publisher.publish(
      def,
      messages.map((m) => ({ key: m.key, payload: m.payload, eventId: m.eventId, correlationId: pushId(m) })),
    );
  }
}

function groupByTopic(messages: ClaimedOutboxMessage[]): Map<string, ClaimedOutboxMessage[]> {
  const byTopic = new Map<string, ClaimedOutboxMessage[]>();
  for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
  return byTopic;
}
