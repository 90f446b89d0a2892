import { PushContent } from '@waken/contracts';
import { PushNotification } from './push-notification';

/** The identity of a pending push: unique in the store (tenant, push id, recipient index, client id). */
export interface PendingPushKey {
  tenantId: string;
  pushId: string;
  recipientIndex: number;
  clientId: string;
}

/** Content held for one client until its session takes it (seed §C3, §S10). */
export interface PendingPush extends PendingPushKey {
  /** the store's insertion order: the order in which pushes became pending */
  seq: number;
  publicUserIdentity: string;
  wake: 'sir' | 'connected';
  content: PushContent;
  deliverBefore?: Date;
}

export function pendingKeyOf(key: PendingPushKey): string {
  return [key.tenantId, key.pushId, String(key.recipientIndex), key.clientId].join('\u0000');
}

export function isPastDeliverBefore(push: Pick<PendingPush, 'deliverBefore'>, nowMs: number): boolean {
  return push.deliverBefore !== undefined && push.deliverBefore.getTime() <= nowMs;
}

/** The NOTIFY body of a pending push (docs/push-session.md). */
export function toPushNotification(push: PendingPush): PushNotification {
  const { contentType, applicationId, bodyBase64 } = push.content;
  const out: PushNotification = { pushId: push.pushId, recipientIndex: push.recipientIndex, contentType, bodyBase64 };
  if (applicationId !== undefined) out.applicationId = applicationId;
  return out;
}
