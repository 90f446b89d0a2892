import type { DecodedSir, HeaderField } from './decoded-sir';
import { restoreIdentity } from './identity-fields';
import { decodeSirBody } from './sir-body-decoder';
import { SirReceiveError } from './sir-receive.error';

/** What an HTTP receiver saw of a `POST` to the client's push endpoint (seed §S6 "HTTP"). */
export interface HttpSirInput {
  readonly method: string;
  readonly headers: readonly HeaderField[];
  readonly body: Uint8Array;
}

/** seed §C1 over HTTP: a POST whose body is the JSON (or SIA) SIR; identity fields are header fields. */
export function decodeHttpSir(input: HttpSirInput): DecodedSir {
  if (input.method.toUpperCase() !== 'POST') throw new SirReceiveError('not-a-sir', `an HTTP ${input.method} does not carry a SIR`);
  const types = input.headers.filter((h) => h.name.toLowerCase() === 'content-type');
  if (types.length > 1) throw new SirReceiveError('malformed', 'Content-Type appears more than once');
  const body = decodeSirBody(types[0]?.value, input.body);
  const restored = restoreIdentity(input.headers, body);
  return {
    bearer: 'http',
    sir: restored.sir,
    encoding: body.encoding,
    identityFoundIn: restored.foundIn,
    applicationIds: body.applicationIds,
    contactPoints: body.contactPoints,
  };
}
