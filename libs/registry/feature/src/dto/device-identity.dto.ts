import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { DEVICE_IDENTITY_KINDS, DeviceIdentityKind } from '@waken/contracts';

/** seed "The idea": an identity routable to one client; stored in canonical form. */
export class DeviceIdentityDto {
  @ApiProperty({ enum: DEVICE_IDENTITY_KINDS, example: 'uuid' })
  @IsIn(DEVICE_IDENTITY_KINDS)
  kind!: DeviceIdentityKind;

  @ApiProperty({ minLength: 1, maxLength: 1024, example: 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' })
  @IsString()
  @Length(1, 1024)
  value!: string;
}
