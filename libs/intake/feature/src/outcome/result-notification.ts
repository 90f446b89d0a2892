import { isPapVersion, PapResult, writeResultNotificationMessage } from '@waken/intake-pap';
import type { NewNotification, PushRecord } from '@waken/intake-data-access';
import { PushProgress, PushState } from './push-progress';
import { pushStateOf } from './push-outcome';
import { WakeReport, wakeReportOf } from './wake-report';

export interface NotificationSender {
  readonly senderAddress: string;
  readonly senderName: string;
}

/** The JSON webhook body (docs/push-intake.md "Result notifications"). */
export interface WebhookBody {
  readonly type: 'push.outcome';
  readonly notificationId: string;
  readonly pushId: string;
  readonly state: PushState;
  readonly reason?: string;
  readonly recipients: ReadonlyArray<{ address: string; publicUserIdentity: string; state: string }>;
  readonly wake: WakeReport;
  readonly receivedAt: string;
  readonly eventTime: string;
}

/** PAP code for a final state (pap.md §6): delivered and cancelled succeeded; the rest failed in service. */
export function papResultOf(state: PushState, reason: string | undefined): PapResult {
  if (state === 'delivered') return { code: 1000, desc: 'Delivered' };
  if (state === 'cancelled') return { code: 1000, desc: 'Cancelled' };
  if (state === 'undeliverable' && reason === 'unknown-user') return { code: 2003, desc: 'unknown-user' };
  return { code: 4000, desc: (reason ?? state).slice(0, 200) };
}

/**
 * The one result notification of a push that reached a final state (seed §S12): a PAP
 * resultnotification-message with the wake report for PAP pushes (README of intake-pap), a JSON
 * webhook for JSON pushes. Undefined when the PI asked for none. Pure.
 */
export function resultNotificationOf(push: PushRecord, progress: PushProgress, now: Date, sender: NotificationSender): NewNotification | undefined {
  if (push.notifyUrl === undefined) return undefined;
  const base = { push: push.id, tenantId: push.tenantId, url: push.notifyUrl };
  if (push.origin === 'pap') return { ...base, kind: 'pap', contentType: 'application/xml; charset=utf-8', body: papBody(push, progress, now, sender) };
  return { ...base, kind: 'webhook', contentType: 'application/json', body: JSON.stringify(webhookBody(push, progress, now)) };
}

function papBody(push: PushRecord, progress: PushProgress, now: Date, sender: NotificationSender): string {
  const state = pushStateOf(progress);
  const wake = wakeReportOf(progress);
  return writeResultNotificationMessage(
    {
      pushId: push.pushId,
      address: push.recipients[0]?.addressValue ?? '',
      messageState: state,
      result: papResultOf(state, progress.reason),
      senderAddress: sender.senderAddress,
      senderName: sender.senderName,
      receivedTime: push.receivedAt,
      eventTime: now,
      wake: { devicesWoken: wake.devicesWoken, devicesConnected: wake.devicesConnected, wakeMode: wake.wakeMode, bearers: wake.bearers },
    },
    push.papVersion !== undefined && isPapVersion(push.papVersion) ? { version: push.papVersion } : {},
  );
}

function webhookBody(push: PushRecord, progress: PushProgress, now: Date): WebhookBody {
  return {
    type: 'push.outcome',
    notificationId: push.id,
    pushId: push.pushId,
    state: pushStateOf(progress),
    ...(progress.reason !== undefined && { reason: progress.reason }),
    recipients: push.recipients.map((r, i) => ({ address: r.addressValue, publicUserIdentity: r.publicUserIdentity, state: progress.recipients[i]?.state ?? r.state })),
    wake: wakeReportOf(progress),
    receivedAt: push.receivedAt.toISOString(),
    eventTime: now.toISOString(),
  };
}
