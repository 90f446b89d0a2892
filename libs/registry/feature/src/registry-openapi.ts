import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { RegistryClientRepository, RegistryUserRepository } from '@waken/registry-data-access';
import { AdminTokenGuard } from './http/admin-token.guard';
import { ClientRegistrationService } from './http/client-registration.service';
import { REGISTRY_HTTP_CONTROLLERS } from './registry-feature.module';
import { REGISTRY_OPTIONS } from './registry.options';

/**
 * The OpenAPI 3 document of the registry's REST API, generated from the controllers and DTOs
 * (docs/openapi/registry.json is this, checked in). Needs no database: providers are stubs.
 */
export async function buildRegistryOpenApi(): Promise<OpenAPIObject> {
  const stub = (provide: unknown) => ({ provide: provide as string, useValue: {} });
  @Module({
    controllers: REGISTRY_HTTP_CONTROLLERS,
    providers: [REGISTRY_OPTIONS, RegistryUserRepository, RegistryClientRepository, ClientRegistrationService, AdminTokenGuard].map(stub),
  })
  class RegistryApiDocument {}

  const app = await NestFactory.create(RegistryApiDocument, { logger: false });
  try {
    const config = new DocumentBuilder()
      .setTitle('Waken registry')
      .setDescription(
        'Users (public user identities) and their clients per tenant: device identities, capabilities, preferences, ' +
          'subscriptions, activation methods (seed §S2). The tenant is the one of the bearer token.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'a tenant administration token (REGISTRY_ADMIN_TOKENS)' })
      .build();
    return SwaggerModule.createDocument(app, config);
  } finally {
    await app.close();
  }
}
