import { ApiProperty } from '@nestjs/swagger';

/** The client's SIR verification key (seed §C2: the client checks the SIR is authentic). */
export class SirKeyView {
  @ApiProperty({ example: 'client:mobilkom/c-phone#1' })
  keyId!: string;

  @ApiProperty({ example: 1 })
  version!: number;

  @ApiProperty({ description: 'base64url of the 32-byte key; shown only in this response', example: 'q83vEjRWeJA...' })
  key!: string;
}
