import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { Id, Timestamp } from '../common/types';

export const PUSH_DELIVERED_V1 = 'waken.push.delivered.v1';

/** The client acknowledged the push content over its session (PAP "delivered"). */
export const PushDeliveredV1 = defineEvent({
  name: 'PushDeliveredV1',
  version: 1,
  topic: PUSH_DELIVERED_V1,
  summary: 'A client acknowledged the push content over its push session.',
  schema: Type.Object(
    {
      tenantId: Id,
      pushId: Id,
      recipientIndex: Type.Integer({ minimum: 0, maximum: 9999 }),
      clientId: Id,
      sessionId: Id,
      /** How the client came to receive it: woken by a SIR, or already connected (seed S10). */
      wake: Type.Union([Type.Literal('sir'), Type.Literal('connected')]),
      deliveredAt: Timestamp,
    },
    { additionalProperties: false },
  ),
  example: {
    tenantId: 'mobilkom',
    pushId: '42@pi.example.com',
    recipientIndex: 0,
    clientId: 'c-phone',
    sessionId: 'sess-1',
    wake: 'sir',
    deliveredAt: '2026-11-26T10:00:00.200Z',
  },
});
export type PushDeliveredV1 = Static<typeof PushDeliveredV1.schema>;
