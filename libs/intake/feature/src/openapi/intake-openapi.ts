import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PapController } from '../http/pap.controller';
import { IntakeMetrics } from '../intake-metrics';
import { PapRequestService } from '../http/pap-request.service';
import { JsonPushService } from '../json/json-push.service';
import { PushesController } from '../json/pushes.controller';

@Module({
  controllers: [PapController, PushesController],
  providers: [
    { provide: PapRequestService, useValue: {} },
    { provide: JsonPushService, useValue: {} },
    { provide: IntakeMetrics, useValue: {} },
  ],
})
class OpenApiHostModule {}

/**
 * The OpenAPI document of push-intake, generated from the controllers and DTOs with
 * @nestjs/swagger. Checked in as docs/openapi/push-intake.json; a spec compares the two.
 */
export async function buildIntakeOpenApi(version: string): Promise<OpenAPIObject> {
  const app = await NestFactory.create(OpenApiHostModule, { logger: false, abortOnError: false });
  try {
    const config = new DocumentBuilder()
      .setTitle('Waken push-intake')
      .setDescription('PAP 1.0/2.x and JSON push submission, status, cancel and capabilities query (seed S1, S12). See docs/push-intake.md.')
      .setVersion(version)
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key of the Push Initiator' })
      .build();
    return SwaggerModule.createDocument(app, config);
  } finally {
    await app.close();
  }
}
