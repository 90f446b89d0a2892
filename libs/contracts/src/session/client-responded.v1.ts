import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { Id, Timestamp } from '../common/types';

export const CLIENT_RESPONDED_V1 = 'waken.client.responded.v1';

/** seed C4: what a client returned on a SIR's instruction (capabilities, preferences, ...). */
export const ClientRespondedV1 = defineEvent({
  name: 'ClientRespondedV1',
  version: 1,
  topic: CLIENT_RESPONDED_V1,
  summary: 'A client returned the information a SIR asked for (seed C4); the registry stores it.',
  schema: Type.Object(
    {
      tenantId: Id,
      clientId: Id,
      publicUserIdentity: Type.String({ minLength: 1, maxLength: 512 }),
      sirId: Type.Optional(Id),
      capabilities: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 512 }))),
      preferences: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 512 }))),
      security: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 512 }))),
      subscription: Type.Optional(Type.Record(Type.String({ maxLength: 64 }), Type.String({ maxLength: 512 }))),
      rejection: Type.Optional(Type.String({ maxLength: 512 })),
      respondedAt: Timestamp,
    },
    { additionalProperties: false },
  ),
  example: {
    tenantId: 'mobilkom',
    clientId: 'c-phone',
    publicUserIdentity: 'sip:+43-8323546@mobilkom.at',
    sirId: 'sir-0b6a2f1c',
    capabilities: { screen: '1080x2400', 'content-types': 'text/plain,application/vnd.wap.sic' },
    respondedAt: '2026-11-26T10:00:00.150Z',
  },
});
export type ClientRespondedV1 = Static<typeof ClientRespondedV1.schema>;
