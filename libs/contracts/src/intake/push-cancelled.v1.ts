import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { Id, Timestamp } from '../common/types';

export const PUSH_CANCELLED_V1 = 'waken.push.cancelled.v1';

/** PAP cancel-message: pending deliveries of the push are dropped. */
export const PushCancelledV1 = defineEvent({
  name: 'PushCancelledV1',
  version: 1,
  topic: PUSH_CANCELLED_V1,
  summary: 'A PI cancelled a push; pending deliveries and SIRs for it are dropped.',
  schema: Type.Object(
    {
      tenantId: Id,
      pushId: Id,
      publicUserIdentity: Type.String({ minLength: 1, maxLength: 512 }),
      cancelledAt: Timestamp,
    },
    { additionalProperties: false },
  ),
  example: {
    tenantId: 'mobilkom',
    pushId: '42@pi.example.com',
    publicUserIdentity: 'sip:+43-8323546@mobilkom.at',
    cancelledAt: '2026-11-26T10:00:05.000Z',
  },
});
export type PushCancelledV1 = Static<typeof PushCancelledV1.schema>;
