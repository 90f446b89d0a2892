import { Controller, Headers, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { ServerResponse } from 'node:http';
import { credentialsOf } from './pi-credentials';
import { IntakeMetrics } from '../intake-metrics';
import { PapRequestService } from './pap-request.service';
import { RAW_BODY, WithRawBody } from './raw-body';

/**
 * The PAP endpoint (seed §S1, §S12): `POST /pap` and its alias `POST /wappush`. The body was
 * read by RawBodyInstaller's middleware (cap and deadline); Nest's JSON parser never saw it.
 */
@ApiTags('PAP')
@ApiBearerAuth()
@Controller()
export class PapController {
  constructor(
    private readonly requests: PapRequestService,
    private readonly metrics: IntakeMetrics,
  ) {}

  @Post(['pap', 'wappush'])
  @ApiOperation({ summary: 'PAP 1.0/2.x: push-message (multipart/related), cancel-message, statusquery-message, ccq-message' })
  @ApiConsumes('multipart/related', 'application/xml')
  @ApiProduces('application/xml', 'multipart/related')
  @ApiBody({ schema: { type: 'string', description: 'PAP control entity (+ content entity for a push)' } })
  @ApiResponse({ status: 202, description: 'push-response 1001 accepted for processing' })
  @ApiResponse({ status: 200, description: 'cancel-, statusquery- or ccq-response' })
  @ApiResponse({ status: 400, description: 'badmessage-response 2000 / 3002, or an address error 2002' })
  @ApiResponse({ status: 401, description: 'no or unknown API key, or an untrusted, unbound or conflicting client certificate' })
  @ApiResponse({ status: 403, description: 'PAP 2001 forbidden by the PI rules' })
  @ApiResponse({ status: 404, description: 'PAP 2004 unknown push-id' })
  @ApiResponse({ status: 409, description: 'PAP 2007 duplicate push-id, 2008 cancellation not possible' })
  @ApiResponse({ status: 413, description: 'body over 1 MiB' })
  @ApiResponse({ status: 429, description: 'PI quota exceeded (Retry-After)' })
  @ApiResponse({ status: 503, description: 'PAP 4001 service unavailable (Retry-After)' })
  async pap(@Req() req: WithRawBody, @Res() res: ServerResponse, @Headers('authorization') authorization?: string, @Headers('content-type') contentType?: string): Promise<void> {
    const answer = await this.requests.handle(credentialsOf(req, authorization), contentType, req[RAW_BODY] ?? Buffer.alloc(0));
    this.metrics.answered('pap', answer.status);
    res.writeHead(answer.status, { 'content-type': answer.contentType, ...answer.headers });
    res.end(answer.body);
  }
}
