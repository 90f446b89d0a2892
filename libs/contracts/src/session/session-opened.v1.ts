import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { Id, Timestamp } from '../common/types';

export const SESSION_OPENED_V1 = 'waken.session.opened.v1';

/** seed C3: a client established its SIP push session with the PPG (presence: connected). */
export const SessionOpenedV1 = defineEvent({
  name: 'SessionOpenedV1',
  version: 1,
  topic: SESSION_OPENED_V1,
  summary: 'A client opened a push session with the PPG (seed C3); the registry marks it connected.',
  schema: Type.Object(
    {
      tenantId: Id,
      clientId: Id,
      sessionId: Id,
      publicUserIdentity: Type.String({ minLength: 1, maxLength: 512 }),
      /** The SIR that woke it, when there was one. */
      sirId: Type.Optional(Id),
      via: Type.String({ maxLength: 64 }),
      contact: Type.String({ maxLength: 1024 }),
      openedAt: Timestamp,
    },
    { additionalProperties: false },
  ),
  example: {
    tenantId: 'mobilkom',
    clientId: 'c-phone',
    sessionId: 'sess-1',
    publicUserIdentity: 'sip:+43-8323546@mobilkom.at',
    sirId: 'sir-0b6a2f1c',
    via: 'sip-subscribe',
    contact: 'sip:+43-8323546@mobilkom.at;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
    openedAt: '2026-11-26T10:00:00.100Z',
  },
});
export type SessionOpenedV1 = Static<typeof SessionOpenedV1.schema>;
