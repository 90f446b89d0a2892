import type { SirDocument } from '@waken/contracts';
import { decodeSia, decodeSirJson, SIA_MEDIA_TYPE, SIR_JSON_MEDIA_TYPE, type SiaContactPoint } from '@waken/sir-domain';
import { DecodeError } from '@waken/wire';
import { SirReceiveError } from './sir-receive.error';

/** A SIR body before its identity is restored. */
export interface SirBody {
  readonly encoding: 'json' | 'sia';
  readonly body: SirDocument;
  readonly applicationIds: string[];
  readonly contactPoints: SiaContactPoint[];
}

/** `type/subtype` in lower case, parameters dropped (RFC 9110 §8.3.1: the media type is case-insensitive). */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * The two SIR encodings (docs/sir-wire-format.md §2, §3): JSON on SIP and HTTP, SIA binary in a
 * WSP push; either may arrive on SIP or HTTP. Anything else is not a SIR.
 */
export function decodeSirBody(contentType: string | undefined, bytes: Uint8Array): SirBody {
  const media = mediaTypeOf(contentType);
  if (media === SIR_JSON_MEDIA_TYPE) {
    const body = malformedOnDecodeError(() => decodeSirJson(bytes));
    return { encoding: 'json', body, applicationIds: body.applicationId === undefined ? [] : [body.applicationId], contactPoints: [] };
  }
  if (media === SIA_MEDIA_TYPE) {
    const sia = malformedOnDecodeError(() => decodeSia(bytes));
    return { encoding: 'sia', body: sia.sir, applicationIds: sia.applicationIds, contactPoints: sia.contactPoints };
  }
  throw new SirReceiveError('not-a-sir', `content type ${JSON.stringify(media)} is not a SIR`);
}

/** Runs a decoder of `@waken/*`, turning its DecodeError into the receive side's typed error. */
export function malformedOnDecodeError<T>(decode: () => T): T {
  try {
    return decode();
  } catch (e) {
    if (e instanceof DecodeError) throw new SirReceiveError('malformed', e.message, { cause: e });
    throw e;
  }
}
