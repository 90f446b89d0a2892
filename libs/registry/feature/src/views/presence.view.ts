import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Read-only: maintained from session events (seed §S2, §S10). */
export class PresenceView {
  @ApiProperty()
  connected!: boolean;

  @ApiPropertyOptional()
  sessionId?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'when the state last changed' })
  since?: string;

  @ApiPropertyOptional({ example: 'sip-subscribe' })
  via?: string;
}
