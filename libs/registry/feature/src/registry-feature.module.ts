import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ClientResponseRepository,
  PresenceRepository,
  RegistryClientRepository,
  RegistryUserRepository,
  UserProfileReader,
} from '@waken/registry-data-access';
import { ClientResponseHandler } from './events/client-response.handler';
import { PresenceHandler } from './events/presence.handler';
import { PushResolutionHandler } from './events/push-resolution.handler';
import { AdminTokenGuard } from './http/admin-token.guard';
import { ClientRegistrationService } from './http/client-registration.service';
import { ClientsController } from './http/clients.controller';
import { UsersController } from './http/users.controller';
import { REGISTRY_OPTIONS, RegistryOptions } from './registry.options';

/** The REST controllers: also what the OpenAPI document is generated from. */
export const REGISTRY_HTTP_CONTROLLERS = [UsersController, ClientsController];

const REPOSITORIES: Array<new (ds: DataSource) => unknown> = [
  UserProfileReader,
  RegistryUserRepository,
  RegistryClientRepository,
  PresenceRepository,
  ClientResponseRepository,
];

/**
 * The registry service (seed §S2 lookup, §S3 selection, presence, client data administration),
 * the same in its own process and in the embedded mode. The data source is the app's: it is
 * initialised before and destroyed after the service.
 */
@Module({})
export class RegistryFeatureModule {
  static forRoot(options: RegistryOptions): DynamicModule {
    const repositories: Provider[] = REPOSITORIES.map((type) => ({ provide: type, useValue: new type(options.dataSource) }));
    return {
      module: RegistryFeatureModule,
      controllers: [...REGISTRY_HTTP_CONTROLLERS, PushResolutionHandler, PresenceHandler, ClientResponseHandler],
      providers: [{ provide: REGISTRY_OPTIONS, useValue: options }, ...repositories, ClientRegistrationService, AdminTokenGuard],
    };
  }
}
