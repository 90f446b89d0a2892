import { Controller, Delete, Get, Headers, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { credentialsOf } from '../http/pi-credentials';
import { RAW_BODY, WithRawBody } from '../http/raw-body';
import { IntakeMetrics } from '../intake-metrics';
import { CreatePushDto } from './create-push.dto';
import { JsonAnswer, JsonPushService } from './json-push.service';
import { PushViewDto } from './push-view.dto';

/** The JSON push API (docs/push-intake.md); the body was read by RawBodyInstaller's middleware. */
@ApiTags('JSON API')
@ApiBearerAuth()
@Controller('v1/pushes')
export class PushesController {
  constructor(
    private readonly pushes: JsonPushService,
    private readonly metrics: IntakeMetrics,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Submit a push (seed S1); the outcome is POSTed to notifyUrl' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'same key + same body → same response; same key + other body → 409' })
  @ApiBody({ type: CreatePushDto })
  @ApiResponse({ status: 202, type: PushViewDto, description: 'accepted' })
  @ApiResponse({ status: 400, description: 'invalid body: unknown fields, bad recipients, bad window, __proto__, 1e309, lone surrogates, nesting > 8' })
  @ApiResponse({ status: 401, description: 'no or unknown API key, or an untrusted, unbound or conflicting client certificate' })
  @ApiResponse({ status: 403, description: 'forbidden by the PI rules or the content policy' })
  @ApiResponse({ status: 409, description: 'duplicate pushId, or Idempotency-Key reused with another body' })
  @ApiResponse({ status: 413, description: 'body over 1 MiB' })
  @ApiResponse({ status: 415, description: 'not application/json' })
  @ApiResponse({ status: 429, description: 'PI quota exceeded (Retry-After)' })
  @ApiResponse({ status: 503, description: 'push store unavailable (Retry-After)' })
  async create(
    @Req() req: WithRawBody,
    @Res() res: ServerResponse,
    @Headers('authorization') authorization?: string,
    @Headers('content-type') contentType?: string,
    @Headers('idempotency-key') idemKey?: string,
  ): Promise<void> {
    this.send(res, await this.pushes.create(credentialsOf(req, authorization), contentType, idemKey, req[RAW_BODY] ?? Buffer.alloc(0)));
  }

  @Get(':pushId')
  @ApiOperation({ summary: 'State of a push, per recipient, with the wake report' })
  @ApiParam({ name: 'pushId', description: "the PI's push id" })
  @ApiResponse({ status: 200, type: PushViewDto })
  @ApiResponse({ status: 404, description: 'unknown here (also another tenant’s or PI’s push)' })
  async get(@Req() req: IncomingMessage, @Res() res: ServerResponse, @Param('pushId') pushId: string, @Headers('authorization') authorization?: string): Promise<void> {
    this.send(res, await this.pushes.get(credentialsOf(req, authorization), pushId));
  }

  @Delete(':pushId')
  @ApiOperation({ summary: 'Cancel a push that is not final yet' })
  @ApiParam({ name: 'pushId', description: "the PI's push id" })
  @ApiResponse({ status: 200, type: PushViewDto })
  @ApiResponse({ status: 404, description: 'unknown here (also another tenant’s or PI’s push)' })
  @ApiResponse({ status: 409, description: 'already final (PAP 2008)' })
  async cancel(@Req() req: IncomingMessage, @Res() res: ServerResponse, @Param('pushId') pushId: string, @Headers('authorization') authorization?: string): Promise<void> {
    this.send(res, await this.pushes.cancel(credentialsOf(req, authorization), pushId));
  }

  private send(res: ServerResponse, answer: JsonAnswer): void {
    this.metrics.answered('json', answer.status);
    res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    res.end(JSON.stringify(answer.body));
  }
}
