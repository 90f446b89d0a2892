import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { WAKE_POLICIES, WakePolicy } from '@waken/registry-domain';
import { PUBLIC_IDENTITY } from '../http/public-identity.pipe';

/** A public user identity of the caller's tenant (the tenant comes from the token). */
export class CreateUserDto {
  @ApiProperty({ pattern: PUBLIC_IDENTITY.source, maxLength: 512, description: 'as PIs address it (PAP USER or PLMN address value)', example: 'sip:+43-8323546@mobilkom.at' })
  @IsString()
  @Matches(PUBLIC_IDENTITY, { message: 'publicUserIdentity must be 1-512 printable ASCII characters without spaces' })
  publicUserIdentity!: string;

  @ApiPropertyOptional({ enum: WAKE_POLICIES, default: 'auto', description: 'seed §S7 targeted, §S8 broadcast-identity, §S9 broadcast; auto lets id-check choose' })
  @IsOptional()
  @IsIn(WAKE_POLICIES)
  wakePolicy?: WakePolicy;
}
