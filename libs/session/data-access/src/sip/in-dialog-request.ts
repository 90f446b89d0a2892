import type { SipHeaderInput } from '@waken/bearer-sip';
import type { SipEndpoint, SipResult } from '@waken/bearer-sip-transport';
import { SipDialog } from './sip-dialog';

export interface InDialogRequestSpec {
  method: string;
  headers?: SipHeaderInput;
  contentType?: string;
  body?: Uint8Array | string;
}

/**
 * Sends a request inside a dialog (NOTIFY, or any non-INVITE method): Request-URI = the remote
 * target, From/To/Call-ID of the dialog, the next local CSeq (RFC 3261 §12.2.1.1).
 *
 * `SipEndpoint.request` sends to its outbound proxy when it has one; our Kamailio refuses
 * in-dialog requests it did not record-route (404), so `endpoint` must be one WITHOUT an
 * outbound proxy: the request then goes to the remote target's host and port. A thin helper here
 * because `@waken/bearer-sip-transport` has no dialog API (yet).
 */
export function sendInDialog(endpoint: SipEndpoint, dialog: SipDialog, spec: InDialogRequestSpec): Promise<SipResult> {
  return endpoint.request({
    method: spec.method,
    requestUri: dialog.remoteTarget,
    from: dialog.localAddress,
    to: dialog.remoteAddress,
    callId: dialog.callId,
    cseq: dialog.nextCseq(),
    contact: `<${dialog.localContact}>`,
    headers: spec.headers,
    contentType: spec.contentType,
    body: spec.body,
  });
}
