import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, Matches, ValidateNested } from 'class-validator';
import { CLIENT_ID } from '../http/client-id.pipe';
import { ActivationMethodDto } from './activation-method.dto';
import { DeviceIdentityDto } from './device-identity.dto';
import { IsStringMap } from './is-string-map.validator';
import { PreferencesDto } from './preferences.dto';
import { SubscriptionDto } from './subscription.dto';

/** A client (terminal) of a user, as registered by the tenant's administrator (seed §S2). */
export class CreateClientDto {
  @ApiPropertyOptional({ pattern: CLIENT_ID.source, description: 'unique in the tenant; a UUID is generated when absent', example: 'c-phone' })
  @IsOptional()
  @Matches(CLIENT_ID, { message: 'clientId must be 1-128 characters of A-Z a-z 0-9 . _ ~ : @ -' })
  clientId?: string;

  @ApiPropertyOptional({ type: [DeviceIdentityDto], maxItems: 16, description: 'each unique in the tenant (409 when taken); stored in canonical form' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(16)
  @ValidateNested({ each: true })
  @Type(() => DeviceIdentityDto)
  deviceIdentities?: DeviceIdentityDto[];

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string', maxLength: 512 }, example: { screen: '1080x2400' } })
  @IsOptional()
  @IsStringMap()
  capabilities?: Record<string, string>;

  @ApiPropertyOptional({ type: PreferencesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreferencesDto)
  preferences?: PreferencesDto;

  @ApiPropertyOptional({ type: [SubscriptionDto], maxItems: 64, description: "default: [{ piId: '*' }] (every PI)" })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64)
  @ValidateNested({ each: true })
  @Type(() => SubscriptionDto)
  subscriptions?: SubscriptionDto[];

  @ApiPropertyOptional({ type: [ActivationMethodDto], maxItems: 8, description: 'most preferred first' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(8)
  @ValidateNested({ each: true })
  @Type(() => ActivationMethodDto)
  activationMethods?: ActivationMethodDto[];
}
