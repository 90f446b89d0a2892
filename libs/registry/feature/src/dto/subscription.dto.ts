import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';

/** seed §S2: the client subscribed to a PI's service, or to one application of it. */
export class SubscriptionDto {
  @ApiProperty({ minLength: 1, maxLength: 256, description: "a PI id, or '*' for every PI", example: 'pi-news' })
  @IsString()
  @Length(1, 256)
  piId!: string;

  @ApiPropertyOptional({ maxLength: 200, description: "an application id; absent or '*' for all", example: 'x-wap-application:wml.ua' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  applicationId?: string;
}
