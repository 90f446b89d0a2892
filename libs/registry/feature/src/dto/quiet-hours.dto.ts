import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsString, Length, Max, Min } from 'class-validator';

/** A daily window without pushes (high-priority pushes go through). */
export class QuietHoursDto {
  @ApiProperty({ minimum: 0, maximum: 1439, description: 'minutes after local midnight', example: 1320 })
  @IsInt()
  @Min(0)
  @Max(1439)
  startMinute!: number;

  @ApiProperty({ minimum: 0, maximum: 1439, example: 420 })
  @IsInt()
  @Min(0)
  @Max(1439)
  endMinute!: number;

  @ApiProperty({ minLength: 1, maxLength: 64, description: "IANA zone or fixed offset ('UTC', '+01:00')", example: 'Europe/Vienna' })
  @IsString()
  @Length(1, 64)
  timeZone!: string;
}
