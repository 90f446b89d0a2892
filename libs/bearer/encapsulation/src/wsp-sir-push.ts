import { encodeWspPush } from '@waken/bearer-wsp';
import { SIA_MEDIA_TYPE } from '@waken/sir-domain';
import { transactionIdFor } from './derived-ids';
import type { SirPayload } from './sir-payload';

/** seed §S6, Table 1: `X-Wap-Application-Id: x-wap-application:push.sia` (id 0x01, sia-sir.md §1). */
export const SIA_APPLICATION_ID = 'x-wap-application:push.sia';

/**
 * The connectionless WSP Push PDU of a SIR (WAP-230 §8.2.4): TID, Push, `application/vnd.wap.sia`,
 * push.sia, and the header-placed identity as WSP application headers (claim 2: a v0 SIA has no
 * header field of its own, so the identity travels in the WSP headers that carry the SIA).
 */
export function sirWspPush(payload: SirPayload, tid = transactionIdFor(payload.sir.sirId)): Uint8Array {
  return encodeWspPush({
    tid,
    pduType: 'push',
    contentType: { type: SIA_MEDIA_TYPE },
    applicationId: SIA_APPLICATION_ID,
    headers: Object.entries(payload.identityFields).map(([name, value]) => ({ name, value })),
    body: payload.sia,
  });
}
