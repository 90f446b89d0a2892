import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { BEARERS, Bearer } from '@waken/contracts';

/** seed §S2: how to wake the client when it is not connected. */
export class ActivationMethodDto {
  @ApiProperty({ enum: BEARERS, example: 'sip' })
  @IsIn(BEARERS)
  bearer!: Bearer;

  @ApiProperty({
    minLength: 1,
    maxLength: 1024,
    description: 'sip: a GRUU (one device) or the AOR; sms: E.164 MSISDN; udp: IPv4:port or [IPv6]:port; http: an http(s) URL',
    example: 'sip:+43-8323546@mobilkom.at;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
  })
  @IsString()
  @Length(1, 1024)
  address!: string;
}
