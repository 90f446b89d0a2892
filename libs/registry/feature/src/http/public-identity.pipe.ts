import { BadRequestException, Injectable, PipeTransform } from '@nestjs/common';

/** Printable ASCII, no spaces, at most 512 characters: what PAP intake hands on (reliability.md #20). */
export const PUBLIC_IDENTITY = /^[\x21-\x7e]{1,512}$/;

/** The public user identity of a path (`/v1/users/{publicUserIdentity}`), percent-decoded by the router. */
@Injectable()
export class PublicIdentityPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!PUBLIC_IDENTITY.test(value)) throw new BadRequestException(['publicUserIdentity must be 1-512 printable ASCII characters without spaces']);
    return value;
  }
}
