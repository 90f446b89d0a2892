import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, UseGuards, UsePipes } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiParam, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { RegisteredUser, RegistryUserRepository } from '@waken/registry-data-access';
import { CreateUserDto } from '../dto/create-user.dto';
import { UpdateUserDto } from '../dto/update-user.dto';
import { UserView } from '../views/user.view';
import { AdminTokenGuard } from './admin-token.guard';
import { conflictsAs409, found } from './client-registration.service';
import { JsonBodyPipe } from './json-body.pipe';
import { PublicIdentityPipe } from './public-identity.pipe';
import { registryValidationPipe } from './registry-validation.pipe';
import { Tenant } from './tenant.decorator';

export const IDENTITY_PARAM = { name: 'publicUserIdentity', description: 'percent-encoded, e.g. sip%3A%2B43-8323546%40mobilkom.at' };

/** seed §S2 data administration: the public user identities of the caller's tenant. */
@ApiTags('users')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ description: 'missing or unknown bearer token' })
@ApiBadRequestResponse({ description: 'invalid input; message lists each problem with its field' })
@UseGuards(AdminTokenGuard)
@UsePipes(new JsonBodyPipe(), registryValidationPipe())
@Controller('v1/users')
export class UsersController {
  constructor(private readonly users: RegistryUserRepository) {}

  @Post()
  @ApiConflictResponse({ description: 'the tenant already has this public user identity' })
  async create(@Tenant() tenantId: string, @Body() dto: CreateUserDto): Promise<UserView> {
    return conflictsAs409(() => this.users.create({ tenantId, publicUserIdentity: dto.publicUserIdentity }, dto.wakePolicy ?? 'auto'));
  }

  @Get(':publicUserIdentity')
  @ApiParam(IDENTITY_PARAM)
  @ApiNotFoundResponse()
  async read(@Tenant() tenantId: string, @Param('publicUserIdentity', PublicIdentityPipe) publicUserIdentity: string): Promise<UserView> {
    return found<RegisteredUser>(await this.users.find({ tenantId, publicUserIdentity }), 'user');
  }

  @Patch(':publicUserIdentity')
  @ApiParam(IDENTITY_PARAM)
  @ApiNotFoundResponse()
  async update(@Tenant() tenantId: string, @Param('publicUserIdentity', PublicIdentityPipe) publicUserIdentity: string, @Body() dto: UpdateUserDto): Promise<UserView> {
    return found(await this.users.update({ tenantId, publicUserIdentity }, { wakePolicy: dto.wakePolicy }), 'user');
  }

  @Delete(':publicUserIdentity')
  @HttpCode(204)
  @ApiParam(IDENTITY_PARAM)
  @ApiNotFoundResponse()
  async remove(@Tenant() tenantId: string, @Param('publicUserIdentity', PublicIdentityPipe) publicUserIdentity: string): Promise<void> {
    found((await this.users.delete({ tenantId, publicUserIdentity })) || undefined, 'user');
  }
}
