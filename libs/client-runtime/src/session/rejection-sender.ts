import { newCallId, newTag } from '@waken/bearer-sip';
import { AuthClock, encodeClientInfo, PUSH_SESSION, sessionAuthValue, type ClientProfile } from '@waken/client';
import type { SipDeviceHub } from '../sip/sip-device-hub';

export interface RejectionParams {
  readonly ppgAddress: string;
  readonly sirId: string;
  /** Why the client will not connect (ClientRespondedV1.rejection, ≤ 512 characters). */
  readonly rejection: string;
}

/**
 * seed §C4 "a rejection of the connection": an out-of-dialog SUBSCRIBE with `Expires: 0` and a
 * `rejection` body; the PPG answers 200 and opens no session (docs/push-session.md). Returns the status.
 */
export async function sendRejection(hub: SipDeviceHub, profile: ClientProfile, contact: string, params: RejectionParams): Promise<number> {
  const callId = newCallId(hub.proxied.host);
  const timestamp = new AuthClock().next();
  const auth = sessionAuthValue(profile.clientKey.key, { tenantId: profile.tenantId, clientId: profile.clientId, callId, timestamp });
  const result = await hub.sendViaProxy({
    method: 'SUBSCRIBE',
    requestUri: params.ppgAddress,
    from: `<${profile.publicUserIdentity}>;tag=${newTag()}`,
    to: `<${params.ppgAddress}>`,
    callId,
    contact: `<${contact}>`,
    headers: [
      { name: 'Event', value: PUSH_SESSION.event },
      { name: 'Expires', value: '0' },
      { name: PUSH_SESSION.headers.client, value: `${profile.tenantId} ${profile.clientId}` },
      { name: PUSH_SESSION.headers.sir, value: params.sirId },
      { name: PUSH_SESSION.headers.auth, value: auth },
    ],
    contentType: PUSH_SESSION.clientInfoMediaType,
    body: encodeClientInfo({ rejection: params.rejection }),
  });
  return result.status;
}
