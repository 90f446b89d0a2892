import { paramValue, parseSipUri, type SipHeaderInput } from '@waken/bearer-sip';
import type { SipEndpoint, SipPeer, SipResult } from '@waken/bearer-sip-transport';
import { SipDialog } from './sip-dialog';

export interface InDialogRequestSpec {
  method: string;
  headers?: SipHeaderInput;
  contentType?: string;
  body?: Uint8Array | string;
}

/** Where the remote target's URI points: its host, port (5060/5061) and transport parameter. */
export function targetPeer(uri: string): SipPeer {
  const target = parseSipUri(uri);
  const transport = paramValue(target.params, 'transport')?.toLowerCase() === 'tcp' ? 'tcp' : 'udp';
  return { transport, host: target.host.replace(/^\[|\]$/g, ''), port: target.port ?? (target.scheme === 'sips' ? 5061 : 5060) };
}

/**
 * Sends a request inside a dialog (NOTIFY, or any non-INVITE method): Request-URI = the remote
 * target, From/To/Call-ID of the dialog, the next local CSeq (RFC 3261 §12.2.1.1). It goes
 * straight to the remote target, past the endpoint's outbound proxy: our Kamailio does not
 * record-route and answers 404 to in-dialog requests.
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
    destination: targetPeer(dialog.remoteTarget),
  });
}
