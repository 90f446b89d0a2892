import { Inject, Injectable } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { writeBadMessageResponse } from '@waken/intake-pap';
import { INTAKE_OPTIONS, IntakeOptions } from '../intake.options';
import { BodyReadError, rawBodyMiddleware } from './raw-body';

export const PAP_PATHS = ['/pap', '/wappush'];
export const JSON_PATHS = ['/v1/pushes'];

/**
 * Mounts the raw-body reader on the intake's paths while the module is being built, which is
 * before Nest registers its JSON/urlencoded parsers (NestApplication.init). So Nest's parsers
 * never touch PAP or JSON push bodies: ours enforce the 1 MiB cap while streaming and the
 * 30 s deadline (reliability.md #6), and the JSON is parsed strictly (strict-json.ts).
 */
@Injectable()
export class RawBodyInstaller {
  constructor(host: HttpAdapterHost, @Inject(INTAKE_OPTIONS) options: IntakeOptions) {
    const app = host.httpAdapter?.getInstance?.() as { use?: (paths: string[], fn: unknown) => void } | undefined;
    if (typeof app?.use !== 'function') return;
    const limits = { maxBytes: options.maxBodyBytes, timeoutMs: options.bodyTimeoutMs };
    app.use([...PAP_PATHS, ...JSON_PATHS], rawBodyMiddleware(limits, refusal));
  }
}

function refusal(req: { originalUrl?: string; url?: string }, error: BodyReadError): { contentType: string; body: string } {
  const path = req.originalUrl ?? req.url ?? '';
  if (PAP_PATHS.some((p) => path === p || path.startsWith(`${p}?`))) {
    return { contentType: 'application/xml; charset=utf-8', body: writeBadMessageResponse({ result: { code: 2000, desc: error.message } }) };
  }
  return { contentType: 'application/json', body: JSON.stringify({ statusCode: error.status, error: 'body-refused', message: error.message }) };
}
