import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RecipientViewDto } from './recipient-view.dto';

/** A push as the JSON API shows it (POST answer, GET, DELETE). */
export class PushViewDto {
  @ApiProperty({ description: "the PI's push id", example: '42@pi.example.com' })
  pushId!: string;

  @ApiProperty({ description: 'internal id: the pushId of the pipeline events and the notification id', format: 'uuid' })
  id!: string;

  @ApiProperty({ enum: ['pending', 'delivered', 'undeliverable', 'expired', 'cancelled'] })
  state!: string;

  @ApiProperty({ type: [RecipientViewDto] })
  recipients!: RecipientViewDto[];

  @ApiProperty({ format: 'date-time' })
  receivedAt!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  deliverAfter?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  deliverBefore?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  finalAt?: string;

  @ApiPropertyOptional({
    description: 'how devices were woken (seed S7-S10): SIRs sent per bearer, sessions opened, devices woken / already connected',
    type: 'object',
    additionalProperties: true,
  })
  wake?: Record<string, unknown>;
}
