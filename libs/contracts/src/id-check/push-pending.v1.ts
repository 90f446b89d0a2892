import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { Id, PushContent, Timestamp } from '../common/types';

export const PUSH_PENDING_V1 = 'waken.push.pending.v1';

/**
 * Push content for one target client, held by the session endpoint until the client has a
 * push session (seed C3); delivered at once when it is already connected (seed S10).
 */
export const PushPendingV1 = defineEvent({
  name: 'PushPendingV1',
  version: 1,
  topic: PUSH_PENDING_V1,
  summary: 'Content for one target client, to deliver over its push session (seed C3, S10).',
  schema: Type.Object(
    {
      tenantId: Id,
      pushId: Id,
      recipientIndex: Type.Integer({ minimum: 0, maximum: 9999 }),
      clientId: Id,
      publicUserIdentity: Type.String({ minLength: 1, maxLength: 512 }),
      /** connected: the client had a session at lookup, no SIR was sent (seed S10). */
      wake: Type.Union([Type.Literal('sir'), Type.Literal('connected')]),
      content: PushContent,
      deliverBefore: Type.Optional(Timestamp),
    },
    { additionalProperties: false },
  ),
  example: {
    tenantId: 'mobilkom',
    pushId: '42@pi.example.com',
    recipientIndex: 0,
    clientId: 'c-phone',
    publicUserIdentity: 'sip:+43-8323546@mobilkom.at',
    wake: 'sir',
    content: { contentType: 'text/plain', bodyBase64: 'aGVsbG8=' },
    deliverBefore: '2030-01-01T00:00:00Z',
  },
});
export type PushPendingV1 = Static<typeof PushPendingV1.schema>;
