import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiParam, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { RegistryClientRepository } from '@waken/registry-data-access';
import { CreateClientDto } from '../dto/create-client.dto';
import { UpdateClientDto } from '../dto/update-client.dto';
import { ClientView } from '../views/client.view';
import { CreatedClientView } from '../views/created-client.view';
import { SirKeyView } from '../views/sir-key.view';
import { AdminTokenGuard } from './admin-token.guard';
import { ClientIdPipe } from './client-id.pipe';
import { ClientRegistrationService, found } from './client-registration.service';
import { JsonBodyPipe } from './json-body.pipe';
import { PublicIdentityPipe } from './public-identity.pipe';
import { registryValidationPipe } from './registry-validation.pipe';
import { Tenant } from './tenant.decorator';
import { IDENTITY_PARAM } from './users.controller';

/** The clients (terminals) sharing a public user identity (seed "The problem"), per tenant. */
@ApiTags('clients')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'missing or unknown bearer token' })
@ApiBadRequestResponse({ description: 'invalid input; message lists each problem with its field' })
@ApiNotFoundResponse({ description: 'no such user or client in the caller’s tenant' })
@ApiParam(IDENTITY_PARAM)
@UseGuards(AdminTokenGuard)
@UsePipes(new JsonBodyPipe(), registryValidationPipe())
@Controller('v1/users/:publicUserIdentity/clients')
export class ClientsController {
  constructor(
    private readonly clients: RegistryClientRepository,
    private readonly registration: ClientRegistrationService,
  ) {}

  @Post()
  @ApiConflictResponse({ description: 'the client id or a device identity is already registered in the tenant' })
  async create(@Tenant() tenantId: string, @Param('publicUserIdentity', PublicIdentityPipe) identity: string, @Body() dto: CreateClientDto): Promise<CreatedClientView> {
    return this.registration.create({ tenantId, publicUserIdentity: identity }, dto);
  }

  @Get()
  async list(@Tenant() tenantId: string, @Param('publicUserIdentity', PublicIdentityPipe) identity: string): Promise<ClientView[]> {
    return found(await this.clients.list({ tenantId, publicUserIdentity: identity }), 'user');
  }

  @Get(':clientId')
  async read(@Tenant() tenantId: string, @Param('publicUserIdentity', PublicIdentityPipe) identity: string, @Param('clientId', ClientIdPipe) clientId: string): Promise<ClientView> {
    return found(await this.clients.find({ tenantId, publicUserIdentity: identity }, clientId), 'client');
  }

  @Patch(':clientId')
  @ApiConflictResponse({ description: 'a device identity is already registered to another client' })
  async update(
    @Tenant() tenantId: string,
    @Param('publicUserIdentity', PublicIdentityPipe) identity: string,
    @Param('clientId', ClientIdPipe) clientId: string,
    @Body() dto: UpdateClientDto,
  ): Promise<ClientView> {
    return this.registration.update({ tenantId, publicUserIdentity: identity }, clientId, dto);
  }

  @Delete(':clientId')
  @HttpCode(204)
  async remove(@Tenant() tenantId: string, @Param('publicUserIdentity', PublicIdentityPipe) identity: string, @Param('clientId', ClientIdPipe) clientId: string): Promise<void> {
    found((await this.clients.delete({ tenantId, publicUserIdentity: identity }, clientId)) || undefined, 'client');
  }

  /** Issues the next key version; the response is the only place the new key appears. */
  @Post(':clientId/sir-key')
  async rotateKey(@Tenant() tenantId: string, @Param('publicUserIdentity', PublicIdentityPipe) identity: string, @Param('clientId', ClientIdPipe) clientId: string): Promise<SirKeyView> {
    return this.registration.rotateKey({ tenantId, publicUserIdentity: identity }, clientId);
  }
}
