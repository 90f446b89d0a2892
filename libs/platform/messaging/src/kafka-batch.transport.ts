import { applyDecorators, UseFilters } from '@nestjs/common';
import { CustomTransportStrategy, EventPattern, Server } from '@nestjs/microservices';
import { RpcPassThroughFilter } from './rpc-pass-through.filter';
import { EventDefinition, definitionForTopic } from '@waken/contracts';
import { ServiceMetrics } from '@waken/platform-observability';
import { Logger } from 'pino';
import { lastValueFrom } from 'rxjs';
import { BatchConsumer, BatchSubscription } from './batch-consumer';
import { EventEnvelope } from './event-envelope';
import { MessageBus } from './message-bus';

/**
 * Marks a Nest handler for every batch of one contract's topic. The handler receives
 * `EventEnvelope<T>[]` (one partition's records, in order) and stays NestJS-idiomatic:
 * pipes, guards and interceptors apply as for any @EventPattern. Its errors reach the failure
 * policy unchanged (RpcPassThroughFilter), whatever the app's global filters are.
 */
export const OnEvents = (def: EventDefinition): MethodDecorator =>
  applyDecorators(EventPattern(def.topic, { batch: true }), UseFilters(RpcPassThroughFilter));

/**
 * A Nest microservice transport on kafkajs that hands handlers whole batches (Nest's stock Kafka
 * server hands them one message at a time). All Kafka I/O goes through MessageBus/BatchConsumer.
 */
export class KafkaBatchTransport extends Server implements CustomTransportStrategy {
  private consumer?: BatchConsumer;

  constructor(
    private readonly bus: MessageBus,
    private readonly log: Logger,
    private readonly metrics?: ServiceMetrics,
  ) {
    super();
  }

  listen(callback: (err?: unknown) => void): void {
    const subscriptions: BatchSubscription[] = [...this.messageHandlers].map(([pattern, handler]) => {
      const definition = definitionForTopic(pattern);
      if (!definition) throw new Error(`@OnEvents(${pattern}): no contract in the event catalogue for this topic`);
      return {
        definition,
        handle: async (batch: EventEnvelope<unknown>[]) => {
          const result = await handler(batch);
          await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
        },
      };
    });
    if (subscriptions.length === 0) {
      callback();
      return;
    }
    this.consumer = new BatchConsumer(this.bus, subscriptions, this.log, this.metrics);
    this.consumer.start().then(() => callback(), callback);
  }

  async close(): Promise<void> {
    await this.consumer?.stop();
  }

  on(): never {
    throw new Error('KafkaBatchTransport has no events to subscribe to');
  }

  unwrap<T>(): T {
    return this.bus.kafka as T;
  }
}
