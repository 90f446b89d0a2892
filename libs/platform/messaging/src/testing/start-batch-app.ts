import { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Logger } from 'pino';
import { KafkaBatchTransport } from '../kafka-batch.transport';
import { MessageBus } from '../message-bus';

/**
 * For the messaging integration specs: a Nest microservice of `root` (which imports
 * MessagingModule.forRoot) on the Kafka batch transport, listening. The transport needs the
 * module's MessageBus, so a throw-away context supplies it first.
 */
export async function startBatchApp(root: unknown, logger: Logger): Promise<INestMicroservice> {
  const ctx = await NestFactory.createApplicationContext(root as never, { logger: false });
  const app = await NestFactory.createMicroservice(root as never, { strategy: new KafkaBatchTransport(ctx.get(MessageBus), logger), logger: false });
  await ctx.close();
  await app.listen();
  return app;
}
