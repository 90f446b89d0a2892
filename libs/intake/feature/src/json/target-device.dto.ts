import { ApiProperty } from '@nestjs/swagger';
import { DEVICE_IDENTITY_KINDS, DeviceIdentityKind } from '@waken/contracts';
import { IsIn, IsString, Length } from 'class-validator';

/** A device the PI names for the push (optional; the PPG selects otherwise, seed §S3). */
export class TargetDeviceDto {
  @ApiProperty({ enum: DEVICE_IDENTITY_KINDS })
  @IsIn([...DEVICE_IDENTITY_KINDS])
  kind!: DeviceIdentityKind;

  @ApiProperty({ maxLength: 1024, example: 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' })
  @IsString()
  @Length(1, 1024)
  value!: string;
}
