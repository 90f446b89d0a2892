import type { PushRecord } from '@waken/intake-data-access';
import { progressOf } from '../outcome/outcome-writer';
import { wakeReportOf } from '../outcome/wake-report';
import type { PushViewDto } from './push-view.dto';

/** PushRecord → the JSON API's view (docs/push-intake.md). */
export function pushViewOf(push: PushRecord): PushViewDto {
  const view: PushViewDto = {
    pushId: push.pushId,
    id: push.id,
    state: push.state,
    recipients: push.recipients.map((r) => ({ address: r.addressValue, publicUserIdentity: r.publicUserIdentity, state: r.state })),
    receivedAt: push.receivedAt.toISOString(),
    wake: { ...wakeReportOf(progressOf(push)) },
  };
  if (push.deliverAfter) view.deliverAfter = push.deliverAfter.toISOString();
  if (push.deliverBefore) view.deliverBefore = push.deliverBefore.toISOString();
  if (push.finalAt) view.finalAt = push.finalAt.toISOString();
  return view;
}
