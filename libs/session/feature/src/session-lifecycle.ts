import { BeforeApplicationShutdown, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { SessionRuntime } from './session-runtime';

/**
 * Starts the endpoint once every module is up (the publisher is connected before the first
 * SUBSCRIBE can arrive) and ends it before Nest stops the Kafka consumer: SessionClosedV1 still
 * has a connected publisher then. Pushes consumed meanwhile are stored and stay pending.
 */
@Injectable()
export class SessionLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  constructor(private readonly runtime: SessionRuntime) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runtime.begin();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.runtime.stop();
  }
}
