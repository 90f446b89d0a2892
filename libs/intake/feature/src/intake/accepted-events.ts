import { PUSH_ACCEPTED_V1, PUSH_CANCELLED_V1, PushAcceptedV1, PushCancelledV1 } from '@waken/contracts';
import type { OutboxMessage, PushRecord } from '@waken/intake-data-access';
import { deterministicEventId } from '@waken/platform-messaging';
import type { Submission } from './submission';

/**
 * One PushAcceptedV1 per recipient (seed §S1), keyed by its public user identity, due at
 * deliver-after (the outbox relay is the scheduler). The event's pushId is the push's internal
 * id: PI push-ids are unique only per PI. Validated here, so an invalid record is never stored.
 */
export function acceptedEvents(id: string, tenantId: string, piId: string, s: Submission, now: Date): OutboxMessage[] {
  return s.recipients.map((r, index) => {
    const payload: PushAcceptedV1 = {
      tenantId,
      pushId: id,
      piId,
      recipientIndex: index,
      publicUserIdentity: r.publicUserIdentity,
      targetDevices: [...s.targetDevices],
      content: {
        contentType: s.content.mediaType,
        ...(s.content.applicationId !== undefined && { applicationId: s.content.applicationId }),
        bodyBase64: s.content.body.toString('base64'),
      },
      qos: s.qos,
      ...(s.deliverAfter && { deliverAfter: s.deliverAfter.toISOString() }),
      ...(s.deliverBefore && { deliverBefore: s.deliverBefore.toISOString() }),
      acceptedAt: now.toISOString(),
    };
    PushAcceptedV1.parse(payload);
    const eventId = deterministicEventId('push-intake', id, 'accepted', String(index));
    return { topic: PUSH_ACCEPTED_V1, key: r.publicUserIdentity, eventId, payload, availableAt: s.deliverAfter ?? now };
  });
}

/** One PushCancelledV1 per recipient: later stages drop pending SIRs and contents. */
export function cancelledEvents(push: PushRecord, now: Date): OutboxMessage[] {
  return push.recipients.map((r) => {
    const payload: PushCancelledV1 = { tenantId: push.tenantId, pushId: push.id, publicUserIdentity: r.publicUserIdentity, cancelledAt: now.toISOString() };
    PushCancelledV1.parse(payload);
    const eventId = deterministicEventId('push-intake', push.id, 'cancelled', String(r.index));
    return { topic: PUSH_CANCELLED_V1, key: r.publicUserIdentity, eventId, payload, availableAt: now };
  });
}
