import { ApiProperty } from '@nestjs/swagger';
import { ActivationMethodDto } from '../dto/activation-method.dto';
import { DeviceIdentityDto } from '../dto/device-identity.dto';
import { PreferencesDto } from '../dto/preferences.dto';
import { SubscriptionDto } from '../dto/subscription.dto';
import { PresenceView } from './presence.view';
import { ReportedView } from './reported.view';

export class ClientView {
  @ApiProperty({ example: 'c-phone' })
  clientId!: string;

  @ApiProperty({ type: [DeviceIdentityDto], description: 'canonical form' })
  deviceIdentities!: DeviceIdentityDto[];

  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } })
  capabilities!: Record<string, string>;

  @ApiProperty({ type: PreferencesDto })
  preferences!: PreferencesDto;

  @ApiProperty({ type: [SubscriptionDto] })
  subscriptions!: SubscriptionDto[];

  @ApiProperty({ type: [ActivationMethodDto], description: 'most preferred first, canonical form' })
  activationMethods!: ActivationMethodDto[];

  @ApiProperty({ type: PresenceView })
  presence!: PresenceView;

  @ApiProperty({ example: 'client:mobilkom/c-phone#1' })
  sirKeyId!: string;

  @ApiProperty({ example: 1 })
  sirKeyVersion!: number;

  @ApiProperty({ type: ReportedView })
  reported!: ReportedView;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
