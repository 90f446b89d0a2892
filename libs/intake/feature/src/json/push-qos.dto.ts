import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';

const PRIORITIES = ['high', 'medium', 'low'] as const;
const METHODS = ['confirmed', 'preferconfirmed', 'unconfirmed', 'notspecified'] as const;

/** PAP quality-of-service (pap.md §4); defaults medium / notspecified. */
export class PushQosDto {
  @ApiPropertyOptional({ enum: PRIORITIES, default: 'medium' })
  @IsOptional()
  @IsIn([...PRIORITIES])
  priority?: (typeof PRIORITIES)[number];

  @ApiPropertyOptional({ enum: METHODS, default: 'notspecified' })
  @IsOptional()
  @IsIn([...METHODS])
  deliveryMethod?: (typeof METHODS)[number];
}
