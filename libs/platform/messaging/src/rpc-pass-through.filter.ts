import { ArgumentsHost, Catch, ExceptionFilter, INestApplication, INestMicroservice } from '@nestjs/common';
import { Logger } from 'pino';
import { Observable, throwError } from 'rxjs';
import { ServiceMetrics } from '@waken/platform-observability';
import { KafkaBatchTransport } from './kafka-batch.transport';
import { MessageBus } from './message-bus';

/**
 * Nest's default RPC filter turns every error into "Internal server error", which would hide a
 * PermanentError from the failure policy. On the Kafka transport the original error must reach
 * BatchConsumer, so this filter hands it on unchanged.
 */
@Catch()
export class RpcPassThroughFilter implements ExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): Observable<never> {
    return throwError(() => exception);
  }
}

/** Attaches the batch transport to an HTTP app (hybrid app); its filters stay the HTTP ones. */
export function connectKafkaTransport(app: INestApplication, bus: MessageBus, logger: Logger, metrics?: ServiceMetrics): INestMicroservice {
  const ms = app.connectMicroservice({ strategy: new KafkaBatchTransport(bus, logger, metrics) }, { inheritAppConfig: false });
  ms.useGlobalFilters(new RpcPassThroughFilter());
  return ms;
}
