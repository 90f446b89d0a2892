import type { SipHeaderInput } from '@waken/bearer-sip';
import { SipEndpoint, SipTimeoutError } from '@waken/bearer-sip-transport';
import { SipDialog, sendInDialog } from '@waken/session-data-access';
import { NotifyChannel, NotifyOutcome } from './notify-channel';

/** NOTIFY over the session's SIP endpoint, straight to the client's Contact (sendInDialog). */
export class SipNotifyChannel implements NotifyChannel {
  constructor(private readonly endpoint: SipEndpoint) {}

  async notify(dialog: SipDialog, headers: SipHeaderInput, contentType?: string, body?: Uint8Array): Promise<NotifyOutcome> {
    try {
      const result = await sendInDialog(this.endpoint, dialog, { method: 'NOTIFY', headers, contentType, body });
      return { status: result.status };
    } catch (e) {
      // RFC 3261 §8.1.3.1: a timeout counts as 408, a transport error as 503; both mean no client
      return { failure: e instanceof SipTimeoutError ? 'timeout' : 'transport' };
    }
  }
}
