import { ApiProperty } from '@nestjs/swagger';

export class RecipientViewDto {
  @ApiProperty({ example: 'sip:+43-8323546@mobilkom.at' })
  address!: string;

  @ApiProperty({ example: 'sip:+43-8323546@mobilkom.at' })
  publicUserIdentity!: string;

  @ApiProperty({ enum: ['pending', 'delivered', 'undeliverable', 'expired', 'cancelled'] })
  state!: string;
}
