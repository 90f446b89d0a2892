import { OmitType } from '@nestjs/swagger';
import { CreateClientDto } from './create-client.dto';

/** Fields to replace (lists as a whole); absent fields are kept. Presence is read-only. */
export class UpdateClientDto extends OmitType(CreateClientDto, ['clientId'] as const) {}
