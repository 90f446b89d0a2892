import { EventDefinition } from '@waken/contracts';
import { Message } from 'kafkajs';
import { OutgoingEvent } from './event-envelope';
import { EventPublisher } from './event-publisher';
import { InProcessBroker } from './in-process-broker';
import { KafkaSettings } from './kafka-settings';
import { EncodedRecord, encodeRecord } from './record-codec';

/** EventPublisher of the embedded mode: the same validation and record encoding as MessageBus. */
export class InProcessBus extends EventPublisher {
  constructor(
    readonly broker: InProcessBroker,
    readonly settings: KafkaSettings,
  ) {
    super();
  }

  topicName(topic: string): string {
    return this.settings.topicPrefix + topic;
  }

  async publish<T>(def: EventDefinition, events: OutgoingEvent<T>[]): Promise<void> {
    const records = events.map((e) => {
      def.parse(e.payload);
      return encodeRecord(def, e);
    });
    this.broker.append(this.topicName(def.topic), records);
  }

  async publishEncoded(topic: string, records: Array<EncodedRecord | Message>): Promise<void> {
    this.broker.append(topic, records as Message[]);
  }

  connect(): Promise<void> {
    return Promise.resolve();
  }
  disconnect(): Promise<void> {
    return Promise.resolve();
  }
}
