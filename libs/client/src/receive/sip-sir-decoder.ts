import { getHeader, type SipRequest } from '@waken/bearer-sip';
import type { DecodedSir } from './decoded-sir';
import { restoreIdentity } from './identity-fields';
import { decodeSirBody } from './sir-body-decoder';
import { SirReceiveError } from './sir-receive.error';

/**
 * seed §C1 over SIP (seed §S6, RFC 3428): the SIR is the body of a MESSAGE, JSON or SIA. The
 * identity may also sit in `X-Waken-Device-Id`, `X-Waken-Device-Value` or the Request-URI `gr`
 * (seed Table 1). A proxy that retargets to our contact (Kamailio does) leaves no `gr` in the
 * Request-URI; the GRUU it had is only in `To`, which we do not trust: the sender wrote it and no
 * signature covers it, while the header and body copies are restored into the signed document.
 */
export function decodeSipSir(request: SipRequest): DecodedSir {
  if (request.method !== 'MESSAGE') throw new SirReceiveError('not-a-sir', `a ${request.method} does not carry a SIR`);
  const body = decodeSirBody(getHeader(request, 'Content-Type'), request.body);
  const restored = restoreIdentity(request.headers, body, request.requestUri);
  return {
    bearer: 'sip',
    sir: restored.sir,
    encoding: body.encoding,
    identityFoundIn: restored.foundIn,
    applicationIds: body.applicationIds,
    contactPoints: body.contactPoints,
  };
}
