import { getHeader, type SipHeaderInput } from '@waken/bearer-sip';
import type { SipDialog } from '@waken/session-data-access';
import { decodePushNotification, PushNotification } from '@waken/session-domain';
import { NotifyChannel, NotifyOutcome } from '../notify-channel';

export interface SentNotify {
  dialog: SipDialog;
  subscriptionState: string;
  push?: PushNotification;
  answer(outcome: NotifyOutcome): void;
}

/** A NotifyChannel that records each NOTIFY and answers as the test says (at once, or held). */
export class ScriptedNotifyChannel implements NotifyChannel {
  readonly sent: SentNotify[] = [];
  /** answer every NOTIFY with this at once; undefined: hold until the test calls answer() */
  auto?: NotifyOutcome = { status: 200 };
  private outstanding = 0;
  maxOutstanding = 0;

  notify(dialog: SipDialog, headers: SipHeaderInput, _contentType?: string, body?: Uint8Array): Promise<NotifyOutcome> {
    const state = getHeader({ headers: Object.entries(headers as Record<string, string>).map(([name, value]) => ({ name, value })) }, 'Subscription-State') ?? '';
    this.outstanding += 1;
    this.maxOutstanding = Math.max(this.maxOutstanding, this.outstanding);
    return new Promise((resolve) => {
      const answer = (outcome: NotifyOutcome) => {
        this.outstanding -= 1;
        resolve(outcome);
      };
      this.sent.push({ dialog, subscriptionState: state, push: body && body.length > 0 ? decodePushNotification(body) : undefined, answer });
      if (this.auto) answer(this.auto);
    });
  }

  pushes(): PushNotification[] {
    return this.sent.flatMap((s) => (s.push ? [s.push] : []));
  }
}
