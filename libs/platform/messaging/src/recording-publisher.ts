import { EventDefinition } from '@waken/contracts';
import { OutgoingEvent } from './event-envelope';
import { EventPublisher } from './event-publisher';
import { DEFAULT_KAFKA_SETTINGS, KafkaSettings } from './kafka-settings';

/**
 * An EventPublisher that records what it is given, validating like the real ones. For the producer
 * side of contract tests: publish through the handler, then assert what was recorded.
 */
export class RecordingPublisher extends EventPublisher {
  readonly settings: KafkaSettings = { ...DEFAULT_KAFKA_SETTINGS, brokers: [], clientId: 'recording', groupId: 'recording' };
  readonly published: Array<{ def: EventDefinition; event: OutgoingEvent<unknown> }> = [];

  topicName(topic: string): string {
    return topic;
  }

  async publish<T>(def: EventDefinition, events: OutgoingEvent<T>[]): Promise<void> {
    for (const event of events) {
      def.parse(event.payload);
      this.published.push({ def, event });
    }
  }

  of<T>(def: EventDefinition): OutgoingEvent<T>[] {
    return this.published.filter((p) => p.def === def).map((p) => p.event as OutgoingEvent<T>);
  }

  publishEncoded(): Promise<void> {
    return Promise.resolve();
  }
  connect(): Promise<void> {
    return Promise.resolve();
  }
  disconnect(): Promise<void> {
    return Promise.resolve();
  }
}
