import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ServiceMetrics } from '@waken/platform-observability';
import { Logger } from 'pino';
import { KafkaSettings } from './kafka-settings';
import { MessageBus } from './message-bus';

const BUS = Symbol('MESSAGE_BUS_INSTANCE');

/** Connects the bus at start; disconnects after the transport has stopped consuming. */
@Injectable()
class BusLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(BUS) private readonly bus: MessageBus) {}
  async onModuleInit(): Promise<void> {
    await this.bus.connect();
  }
  async onApplicationShutdown(): Promise<void> {
    await this.bus.disconnect();
  }
}

/** Provides the service's MessageBus (its one producer) to handlers and services. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(settings: KafkaSettings, logger: Logger, metrics?: ServiceMetrics): DynamicModule {
    const bus = new MessageBus(settings, logger, (topic, n) => metrics?.published.inc({ topic }, n));
    return {
      module: MessagingModule,
      providers: [{ provide: BUS, useValue: bus }, { provide: MessageBus, useValue: bus }, BusLifecycle],
      exports: [MessageBus],
    };
  }
}
