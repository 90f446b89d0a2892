import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsISO8601, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PushContentDto } from './push-content.dto';
import { PushQosDto } from './push-qos.dto';
import { TargetDeviceDto } from './target-device.dto';

/**
 * POST /v1/pushes: the JSON twin of a PAP push-message. Only these fields: anything else,
 * e.g. `tenantId` or `trusted`, is a 400 (reliability.md #16); the tenant comes from the key.
 */
export class CreatePushDto {
  @ApiPropertyOptional({ description: 'unique per PI; generated when absent', maxLength: 200, example: '42@pi.example.com' })
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'pushId must be 1-200 printable ASCII characters' })
  pushId?: string;

  @ApiProperty({ description: 'public user identities (sip:, sips:, tel:) or PAP address-values', example: ['sip:+43-8323546@mobilkom.at'], maxItems: 1000 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  @MaxLength(512, { each: true })
  recipients!: string[];

  @ApiProperty({ type: PushContentDto })
  @IsObject()
  @ValidateNested()
  @Type(() => PushContentDto)
  content!: PushContentDto;

  @ApiPropertyOptional({ type: PushQosDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PushQosDto)
  qos?: PushQosDto;

  @ApiPropertyOptional({ description: 'hold the push until then (RFC 3339)', example: '2030-01-01T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  deliverAfter?: string;

  @ApiPropertyOptional({ description: 'expire the push then (RFC 3339)', example: '2030-01-02T00:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  deliverBefore?: string;

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sourceReference?: string;

  @ApiPropertyOptional({ description: 'webhook for the result notification', maxLength: 1024 })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  notifyUrl?: string;

  @ApiPropertyOptional({ type: [TargetDeviceDto], maxItems: 32 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(32)
  @ValidateNested({ each: true })
  @Type(() => TargetDeviceDto)
  targetDevices?: TargetDeviceDto[];
}
