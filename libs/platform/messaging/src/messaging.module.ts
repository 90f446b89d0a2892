import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit, Provider } from '@nestjs/common';
import { ServiceMetrics } from '@waken/platform-observability';
import { Logger } from 'pino';
import { EventPublisher } from './event-publisher';
import { KafkaSettings } from './kafka-settings';
import { MessageBus } from './message-bus';

/** Connects the publisher at start; disconnects after the transport has stopped consuming. */
@Injectable()
class PublisherLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(EventPublisher) private readonly publisher: EventPublisher) {}
  async onModuleInit(): Promise<void> {
    await this.publisher.connect();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.publisher.disconnect();
  }
}

/** Provides the service's EventPublisher (its one producer) to handlers and services. */
@Global()
@Module({})
export class MessagingModule {
  /** Kafka: a MessageBus built from the settings. */
  static forRoot(settings: KafkaSettings, logger: Logger, metrics?: ServiceMetrics): DynamicModule {
    return MessagingModule.withPublisher(new MessageBus(settings, logger, (topic, n) => metrics?.published.inc({ topic }, n)));
  }

  /** Any publisher: the MessageBus of a runtime, or the InProcessBus of the embedded mode. */
  static withPublisher(publisher: EventPublisher): DynamicModule {
    const values: Provider[] = [{ provide: EventPublisher, useValue: publisher }];
    if (publisher instanceof MessageBus) values.push({ provide: MessageBus, useValue: publisher });
    return { module: MessagingModule, providers: [...values, PublisherLifecycle], exports: values };
  }
}
