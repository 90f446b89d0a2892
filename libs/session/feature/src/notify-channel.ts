import type { SipHeaderInput } from '@waken/bearer-sip';
import type { SipDialog } from '@waken/session-data-access';

/** How a NOTIFY ended: a final status, or no answer at all (timeout, transport failure). */
export type NotifyOutcome = { status: number } | { failure: 'timeout' | 'transport' };

/** Sends a NOTIFY inside a dialog (SipNotifyChannel on the SIP endpoint; fakes in unit tests). */
export interface NotifyChannel {
  notify(dialog: SipDialog, headers: SipHeaderInput, contentType?: string, body?: Uint8Array): Promise<NotifyOutcome>;
}
