import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { QuietHoursDto } from './quiet-hours.dto';

/** seed §S2 preferences; absent fields take their defaults (accept all, not opted out). */
export class PreferencesDto {
  @ApiPropertyOptional({ type: [String], maxItems: 64, description: 'accepted media types, type/* allowed; empty = all', example: ['text/plain', 'application/vnd.wap.sic'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  contentTypes?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 64, description: 'allowed push application ids; empty = all', example: ['x-wap-application:wml.ua'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(64)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  applications?: string[];

  @ApiPropertyOptional({ type: QuietHoursDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuietHoursDto)
  quietHours?: QuietHoursDto;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  optedOut?: boolean;
}
