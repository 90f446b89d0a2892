import { CustomTransportStrategy, Server } from '@nestjs/microservices';
import { definitionForTopic } from '@waken/contracts';
import { ServiceMetrics } from '@waken/platform-observability';
import { Logger } from 'pino';
import { lastValueFrom } from 'rxjs';
import { EventEnvelope } from './event-envelope';
import { InProcessBus } from './in-process-bus';

/** The embedded mode's transport: @OnEvents handlers consume from the InProcessBroker as one group. */
export class InProcessTransport extends Server implements CustomTransportStrategy {
  constructor(
    private readonly bus: InProcessBus,
    private readonly log: Logger,
    private readonly metrics?: ServiceMetrics,
  ) {
    super();
  }

  listen(callback: (err?: unknown) => void): void {
    try {
      for (const [pattern, handler] of this.messageHandlers) {
        const definition = definitionForTopic(pattern);
        if (!definition) throw new Error(`@OnEvents(${pattern}): no contract in the event catalogue for this topic`);
        const handle = async (batch: EventEnvelope<unknown>[]) => {
          await lastValueFrom(this.transformToObservable(await handler(batch)), { defaultValue: undefined });
        };
        this.bus.broker.subscribe(this.bus.settings.groupId, { definition, handle }, this.bus.topicName(pattern), this.bus, this.log, this.metrics);
      }
      callback();
    } catch (e) {
      callback(e);
    }
  }

  async close(): Promise<void> {
    this.bus.broker.unsubscribe(this.bus.settings.groupId);
  }

  on(): never {
    throw new Error('InProcessTransport has no events to subscribe to');
  }

  unwrap<T>(): T {
    return this.bus.broker as T;
  }
}
