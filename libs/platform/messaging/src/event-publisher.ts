import { EventDefinition } from '@waken/contracts';
import { Message } from 'kafkajs';
import { OutgoingEvent } from './event-envelope';
import { KafkaSettings } from './kafka-settings';
import { EncodedRecord } from './record-codec';

/**
 * What handlers and services publish through. MessageBus (Kafka) and InProcessBus (the embedded
 * single-process mode) implement it with the same contracts and the same validation.
 */
export abstract class EventPublisher {
  abstract readonly settings: KafkaSettings;
  abstract topicName(topic: string): string;
  /** Validates each payload against `def` and publishes; resolves when durable (acks=all on Kafka). */
  abstract publish<T>(def: EventDefinition, events: OutgoingEvent<T>[]): Promise<void>;
  /** Publishes records as they are (dead letters keep their original bytes). */
  abstract publishEncoded(topic: string, records: Array<EncodedRecord | Message>): Promise<void>;
  abstract connect(): Promise<void>;
  abstract disconnect(): Promise<void>;
}
