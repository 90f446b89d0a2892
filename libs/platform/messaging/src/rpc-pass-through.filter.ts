import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { Observable, throwError } from 'rxjs';

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
