import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { WAKE_POLICIES, WakePolicy } from '@waken/registry-domain';

export class UpdateUserDto {
  @ApiPropertyOptional({ enum: WAKE_POLICIES })
  @IsOptional()
  @IsIn(WAKE_POLICIES)
  wakePolicy?: WakePolicy;
}
