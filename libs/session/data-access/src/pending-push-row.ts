import { PendingPush } from '@waken/session-domain';

/** A session_pending_push row as pg returns it (bigint as text, timestamptz as Date). */
export interface PendingPushRow {
  seq: string;
  tenant_id: string;
  push_id: string;
  recipient_index: number;
  client_id: string;
  public_user_identity: string;
  wake: 'sir' | 'connected';
  content_type: string;
  application_id: string | null;
  body_base64: string;
  deliver_before: Date | null;
}

export function toPendingPush(row: PendingPushRow): PendingPush {
  const push: PendingPush = {
    seq: Number(row.seq),
    tenantId: row.tenant_id,
    pushId: row.push_id,
    recipientIndex: row.recipient_index,
    clientId: row.client_id,
    publicUserIdentity: row.public_user_identity,
    wake: row.wake,
    content: { contentType: row.content_type, bodyBase64: row.body_base64, ...(row.application_id === null ? {} : { applicationId: row.application_id }) },
  };
  if (row.deliver_before !== null) push.deliverBefore = new Date(row.deliver_before);
  return push;
}
