import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { Id, Timestamp } from '../common/types';

export const SESSION_CLOSED_V1 = 'waken.session.closed.v1';

/** Presence: a push session ended (client left, idle, expired). */
export const SessionClosedV1 = defineEvent({
  name: 'SessionClosedV1',
  version: 1,
  topic: SESSION_CLOSED_V1,
  summary: 'A push session ended; the registry marks the client disconnected.',
  schema: Type.Object(
    {
      tenantId: Id,
      clientId: Id,
      sessionId: Id,
      publicUserIdentity: Type.String({ minLength: 1, maxLength: 512 }),
      reason: Type.Union([Type.Literal('client'), Type.Literal('idle'), Type.Literal('expired'), Type.Literal('shutdown')]),
      closedAt: Timestamp,
    },
    { additionalProperties: false },
  ),
  example: {
    tenantId: 'mobilkom',
    clientId: 'c-phone',
    sessionId: 'sess-1',
    publicUserIdentity: 'sip:+43-8323546@mobilkom.at',
    reason: 'idle',
    closedAt: '2026-11-26T10:10:00.000Z',
  },
});
export type SessionClosedV1 = Static<typeof SessionClosedV1.schema>;
