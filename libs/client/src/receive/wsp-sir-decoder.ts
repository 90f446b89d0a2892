import { decodeWspPush, type DecodedWspPush } from '@waken/bearer-wsp';
import type { DecodedSir, HeaderField } from './decoded-sir';
import { DEVICE_VALUE_HEADER, restoreIdentity } from './identity-fields';
import { decodeSirBody, malformedOnDecodeError } from './sir-body-decoder';
import { SirReceiveError } from './sir-receive.error';
import { DEVICE_ID_HEADER } from '@waken/sir-domain';

/** Push application id of a SIR (sia-sir.md §1: 0x01, not 0x04). */
const PUSH_SIA_APP_ID = 'x-wap-application:push.sia';
const PUSH_SIA_APP_CODE = 0x01;
const IDENTITY_FIELDS = [DEVICE_ID_HEADER, DEVICE_VALUE_HEADER].map((n) => n.toLowerCase());

/** seed §C1 over UDP: one datagram to port 2948 holding a connectionless WSP Push (WAP-230 §8.2.4). */
export function decodeUdpSir(datagram: Uint8Array): DecodedSir {
  return decodeWspSir(malformedOnDecodeError(() => decodeWspPush(datagram)), 'udp');
}

/**
 * The SIR inside a decoded WSP push (SMS after reassembly, or UDP): `application/vnd.wap.sia` to
 * the push.sia application (seed §S6, Table 1 push headers). A push for another application is
 * not ours to read, even if its body would parse.
 */
export function decodeWspSir(push: DecodedWspPush, bearer: 'sms' | 'udp'): DecodedSir {
  const appId = push.applicationId;
  if (appId !== undefined && appId !== PUSH_SIA_APP_CODE && String(appId).toLowerCase() !== PUSH_SIA_APP_ID) {
    throw new SirReceiveError('not-a-sir', `WSP push for application ${String(appId)}, not push.sia`);
  }
  const body = decodeSirBody(push.contentType.type, push.body);
  const restored = restoreIdentity(identityFields(push), body);
  return {
    bearer,
    sir: restored.sir,
    encoding: body.encoding,
    identityFoundIn: restored.foundIn,
    applicationIds: body.applicationIds,
    contactPoints: body.contactPoints,
  };
}

/** WSP application headers carrying the identity must be text; any other header is not ours. */
function identityFields(push: DecodedWspPush): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const header of push.headers) {
    if (!IDENTITY_FIELDS.includes(header.name.toLowerCase())) continue;
    if (typeof header.value !== 'string') throw new SirReceiveError('malformed', `${header.name} is not text`);
    fields.push({ name: header.name, value: header.value });
  }
  return fields;
}
