import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** Client ids: safe in paths, key ids (sir-keys escapes none of them) and SIP parameters. */
export const CLIENT_ID = /^[A-Za-z0-9._~:@-]{1,128}$/;

@Injectable()
export class ClientIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!CLIENT_ID.test(value)) throw new BadRequestException(['clientId must be 1-128 characters of A-Z a-z 0-9 . _ ~ : @ -']);
    return value;
  }
}
