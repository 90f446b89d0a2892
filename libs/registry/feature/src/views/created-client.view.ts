import { ApiProperty } from '@nestjs/swagger';
import { ClientView } from './client.view';
import { SirKeyView } from './sir-key.view';

/** A new client, with its SIR key: the only time the registry shows the key. */
export class CreatedClientView extends ClientView {
  @ApiProperty({ type: SirKeyView })
  sirKey!: SirKeyView;

  @ApiProperty({ type: SirKeyView, description: "the user's key, shared by all its clients: verifies broadcast SIRs without a device identity (seed §S9)" })
  userSirKey!: SirKeyView;
}
