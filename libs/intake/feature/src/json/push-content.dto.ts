import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

/** The push content: text in `body`, or bytes in `bodyBase64` (exactly one). */
export class PushContentDto {
  @ApiProperty({ example: 'text/vnd.wap.si', maxLength: 200 })
  @IsString()
  @Length(3, 200)
  @Matches(/^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/, { message: 'contentType must be a media type without parameters' })
  contentType!: string;

  @ApiPropertyOptional({ example: 'x-wap-application:wml.ua', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Matches(/^[\x21-\x7e]{1,200}$/, { message: 'applicationId must be 1-200 printable ASCII characters' })
  applicationId?: string;

  @ApiPropertyOptional({ description: 'UTF-8 text content', maxLength: 700000 })
  @IsOptional()
  @IsString()
  @MaxLength(700000)
  body?: string;

  @ApiPropertyOptional({ description: 'binary content, base64', maxLength: 1400000 })
  @IsOptional()
  @IsString()
  @MaxLength(1400000)
  @Matches(/^[A-Za-z0-9+/]*={0,2}$/, { message: 'bodyBase64 must be base64' })
  bodyBase64?: string;
}
