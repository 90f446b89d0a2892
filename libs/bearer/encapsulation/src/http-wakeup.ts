import { SIA_MEDIA_TYPE, SIR_JSON_MEDIA_TYPE } from '@waken/sir-domain';
import { EncapsulationError } from './encapsulation.error';
import { checkedHeaderFields, hasControl } from './header-fields';
import type { SirBodyFormat } from './sip-wakeup';
import type { SirPayload } from './sir-payload';
import { SIA_APPLICATION_ID } from './wsp-sir-push';

export interface HttpWakeup {
  url: string;
  headers: Record<string, string>;
  contentType: string;
  body: Uint8Array;
}

/**
 * seed §S6 "HTTP message": a POST of the SIR to the client's push URL, with the Table 1 push
 * header `X-Wap-Application-Id` naming the session initiation application.
 */
export function httpWakeupFor(payload: SirPayload, url: string, body: SirBodyFormat = 'json'): HttpWakeup {
  const sia = body === 'sia';
  return {
    url: checkedUrl(url),
    headers: checkedHeaderFields({ ...payload.identityFields, 'X-Wap-Application-Id': SIA_APPLICATION_ID }),
    contentType: sia ? SIA_MEDIA_TYPE : SIR_JSON_MEDIA_TYPE,
    body: sia ? payload.sia : payload.json,
  };
}

function checkedUrl(url: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  if (!parsed || !/^https?:$/.test(parsed.protocol) || hasControl(url) || url.length > 1024 || !/^https?:\/\//.test(url)) {
    throw new EncapsulationError('bad-address', `not an http(s) URL: ${JSON.stringify(url.slice(0, 80))}`);
  }
  return url;
}
