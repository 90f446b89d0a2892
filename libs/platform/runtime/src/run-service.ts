import { DynamicModule, INestApplicationContext, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { PlatformConfig } from '@waken/platform-config';
import {
  DEFAULT_KAFKA_SETTINGS,
  EventPublisher,
  InProcessBroker,
  InProcessBus,
  InProcessTransport,
  KafkaBatchTransport,
  KafkaReadiness,
  KafkaSettings,
  MessageBus,
  MessagingModule,
} from '@waken/platform-messaging';
import { Logger, ObservabilityModule, PinoNestLogger, ReadinessCheck, ServiceMetrics, createLogger } from '@waken/platform-observability';

export type TransportChoice = { kind: 'kafka' } | { kind: 'in-process'; broker: InProcessBroker };

export interface ServiceSpec {
  platform: PlatformConfig;
  /** The service's feature module, built by its feature lib (the same in every mode). */
  feature: DynamicModule | Type<unknown>;
  /** Serve HTTP (health, metrics, and the feature's controllers); false in the embedded mode for internal services. */
  http: boolean;
  transport: TransportChoice;
  /** Extra readiness checks, e.g. the database of the feature. */
  readiness?: ReadinessCheck[];
  kafka?: Partial<KafkaSettings>;
  logger?: Logger;
  /** Serve HTTPS instead of HTTP (Node's tls options: key, cert, and ca + requestCert for client certificates). */
  https?: HttpsServerOptions;
}

export interface HttpsServerOptions {
  key: Buffer;
  cert: Buffer;
  /** CAs trusted for client certificates; when given, clients are asked for one. */
  ca?: Buffer;
}

export interface RunningService {
  name: string;
  context: INestApplicationContext;
  publisher: EventPublisher;
  /** http://host:port when the service serves HTTP. */
  url?: string;
  logger: Logger;
  metrics: ServiceMetrics;
  close(): Promise<void>;
}

/**
 * Boots one Waken service: logger, metrics, health endpoints, its publisher and transport (Kafka
 * or the embedded in-process broker), the feature module; stops it gracefully (stop consuming,
 * finish in-flight, commit, close) on close() or SIGTERM/SIGINT.
 */
export async function runService(spec: ServiceSpec): Promise<RunningService> {
  const { platform } = spec;
  const logger = spec.logger ?? createLogger(platform.serviceName, platform.logLevel);
  const metrics = new ServiceMetrics(platform.serviceName, spec.transport.kind === 'kafka');
  const settings: KafkaSettings = { ...DEFAULT_KAFKA_SETTINGS, ...platform.kafka, ...spec.kafka };
  const publisher: EventPublisher =
    spec.transport.kind === 'kafka'
      ? new MessageBus(settings, logger, (topic, n) => metrics.published.inc({ topic }, n))
      : new InProcessBus(spec.transport.broker, settings);
  const checks: ReadinessCheck[] = [...(spec.readiness ?? [])];
  if (publisher instanceof MessageBus) checks.push(new KafkaReadiness(publisher));

  @Module({
    imports: [
      ObservabilityModule.forRoot({ logger, metrics, checks }),
      MessagingModule.withPublisher(publisher),
      spec.feature,
    ],
  })
  class ServiceRoot {}

  const nestLogger = new PinoNestLogger(logger);
  const transport =
    publisher instanceof MessageBus ? new KafkaBatchTransport(publisher, logger, metrics) : new InProcessTransport(publisher as InProcessBus, logger, metrics);
  let url: string | undefined;
  let context: INestApplicationContext;
  if (spec.http) {
    const httpsOptions = spec.https && {
      key: spec.https.key,
      cert: spec.https.cert,
      // ask for a client certificate but let the feature judge it: a clear 401 beats a reset handshake
      ...(spec.https.ca && { ca: spec.https.ca, requestCert: true, rejectUnauthorized: false }),
    };
    const app = await NestFactory.create(ServiceRoot, { logger: nestLogger, ...(httpsOptions && { httpsOptions }) });
    app.connectMicroservice({ strategy: transport }, { inheritAppConfig: false });
    await app.startAllMicroservices();
    await app.listen(platform.httpPort, platform.httpHost);
    url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    if (spec.https) url = url.replace(/^http:/, 'https:');
    context = app;
  } else {
    const ms = await NestFactory.createMicroservice(ServiceRoot, { strategy: transport, logger: nestLogger });
    await ms.listen();
    context = ms;
  }
  logger.info({ url, transport: spec.transport.kind }, `${platform.serviceName} started`);
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= context.close().then(() => logger.info(`${platform.serviceName} stopped`)));
  return { name: platform.serviceName, context, publisher, url, logger, metrics, close };
}

/** For an app's main.ts: stop gracefully on SIGTERM/SIGINT, exit non-zero on a boot failure. */
export function stopOnSignals(service: RunningService): void {
  const stop = (signal: string) => {
    service.logger.info({ signal }, 'shutting down');
    service.close().then(
      () => process.exit(0),
      (e) => {
        service.logger.error({ err: e }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}
