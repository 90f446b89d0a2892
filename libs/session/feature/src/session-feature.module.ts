import { DynamicModule, Module } from '@nestjs/common';
import { EventPublisher } from '@waken/platform-messaging';
import { LOGGER, Logger } from '@waken/platform-observability';
import { PendingPushHandler } from './pending-push.handler';
import { SessionCore } from './session-core';
import { SessionLifecycle } from './session-lifecycle';
import { SessionRuntime } from './session-runtime';
import { SESSION_OPTIONS, SessionOptions } from './session.options';

/**
 * The session service (seed §C3, §C4, §S10, §S12): the SIP push session endpoint and the pending
 * store, the same in its own process and in the embedded mode. The data source is the app's.
 */
@Module({})
export class SessionFeatureModule {
  static forRoot(options: SessionOptions): DynamicModule {
    return {
      module: SessionFeatureModule,
      controllers: [PendingPushHandler],
      providers: [
        { provide: SESSION_OPTIONS, useValue: options },
        {
          provide: SessionRuntime,
          useFactory: (publisher: EventPublisher, logger: Logger) => SessionRuntime.open(options, publisher, logger),
          inject: [EventPublisher, LOGGER],
        },
        { provide: SessionCore, useFactory: (runtime: SessionRuntime) => runtime.core, inject: [SessionRuntime] },
        SessionLifecycle,
      ],
      exports: [SessionRuntime],
    };
  }
}
