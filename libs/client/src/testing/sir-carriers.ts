import type { SirDocument } from '@waken/contracts';
import { buildRequest, type SipRequest } from '@waken/bearer-sip';
import { encodeWspPush, toWapPushSegments } from '@waken/bearer-wsp';
import {
  encodeSia, encodeSirJson, formatHeaderValue, ipv4ContactPoint, placeIdentity, SIA_MEDIA_TYPE, SIR_JSON_MEDIA_TYPE,
} from '@waken/sir-domain';
import type { HeaderField } from '../receive/decoded-sir';
import type { HttpSirInput } from '../receive/http-sir-decoder';
import { DEVICE_VALUE_HEADER } from '../receive/identity-fields';

/** Test-only: a SIR laid out on each bearer the way the PPG side does it (seed §S5, §S6). */
export function identityFields(doc: SirDocument): { fields: HeaderField[]; requestUriGr?: string } {
  const placed = placeIdentity(doc);
  const fields = Object.entries(placed.headers).map(([name, value]) => ({ name, value }));
  if (placed.valueField) fields.push({ name: DEVICE_VALUE_HEADER, value: formatHeaderValue(placed.valueField) });
  return { fields, ...(placed.requestUriParams?.gr !== undefined && { requestUriGr: placed.requestUriParams.gr }) };
}

export function bodyOf(doc: SirDocument, encoding: 'json' | 'sia'): Uint8Array {
  const body = placeIdentity(doc).body;
  return encoding === 'json' ? encodeSirJson(body) : encodeSia(body, { contactPoints: [ipv4ContactPoint('192.0.2.1')] });
}

export function sipMessageOf(doc: SirDocument, encoding: 'json' | 'sia' = 'json', requestUri = 'sip:dev@127.0.0.2:5062'): SipRequest {
  const { fields } = identityFields(doc);
  return buildRequest({
    method: 'MESSAGE',
    requestUri,
    from: '<sip:ppg@example.com>;tag=1',
    to: `<${doc.publicUserIdentity}>`,
    callId: 'c1',
    cseq: 1,
    via: 'SIP/2.0/UDP 127.0.0.1:5070;branch=z9hG4bK1',
    headers: fields,
    contentType: encoding === 'json' ? SIR_JSON_MEDIA_TYPE : SIA_MEDIA_TYPE,
    body: bodyOf(doc, encoding),
  });
}

export function wspPushOf(doc: SirDocument): Uint8Array {
  return encodeWspPush({
    tid: 1,
    pduType: 'push',
    contentType: { type: SIA_MEDIA_TYPE },
    applicationId: 'x-wap-application:push.sia',
    headers: identityFields(doc).fields,
    body: bodyOf(doc, 'sia'),
  });
}

export function smsSegmentsOf(doc: SirDocument, reference = 7): Uint8Array[] {
  return toWapPushSegments(wspPushOf(doc), { reference });
}

export function httpInputOf(doc: SirDocument): HttpSirInput {
  return {
    method: 'POST',
    headers: [{ name: 'content-type', value: SIR_JSON_MEDIA_TYPE }, ...identityFields(doc).fields],
    body: bodyOf(doc, 'json'),
  };
}
