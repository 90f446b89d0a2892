import { ApiPropertyOptional } from '@nestjs/swagger';

const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' } } as const;

/** What the client returned on a SIR's instruction (seed §C4), as reported. */
export class ReportedView {
  @ApiPropertyOptional(STRING_MAP)
  preferences?: Record<string, string>;

  @ApiPropertyOptional(STRING_MAP)
  security?: Record<string, string>;

  @ApiPropertyOptional(STRING_MAP)
  subscription?: Record<string, string>;

  @ApiPropertyOptional()
  rejection?: string;

  @ApiPropertyOptional()
  sirId?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  respondedAt?: string;
}
