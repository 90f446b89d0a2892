import { ApiProperty } from '@nestjs/swagger';
import { WAKE_POLICIES, WakePolicy } from '@waken/registry-domain';
import { ClientView } from './client.view';

export class UserView {
  @ApiProperty({ description: "the caller's tenant", example: 'mobilkom' })
  tenantId!: string;

  @ApiProperty({ example: 'sip:+43-8323546@mobilkom.at' })
  publicUserIdentity!: string;

  @ApiProperty({ enum: WAKE_POLICIES })
  wakePolicy!: WakePolicy;

  @ApiProperty({ type: [ClientView] })
  clients!: ClientView[];

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}
