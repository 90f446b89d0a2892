import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { Id, WakeMode } from '../common/types';

export const PUSH_PLANNED_V1 = 'waken.push.planned.v1';

/** What id-check decided for one recipient: the outcome tracker counts against it. */
export const PushPlannedV1 = defineEvent({
  name: 'PushPlannedV1',
  version: 1,
  topic: PUSH_PLANNED_V1,
  summary: 'id-check plan for one recipient: targets, SIRs to send, direct deliveries (seed S4).',
  schema: Type.Object(
    {
      tenantId: Id,
      pushId: Id,
      recipientIndex: Type.Integer({ minimum: 0, maximum: 9999 }),
      publicUserIdentity: Type.String({ minLength: 1, maxLength: 512 }),
      targetClientIds: Type.Array(Id, { maxItems: 64 }),
      sirCount: Type.Integer({ minimum: 0, maximum: 64 }),
      directCount: Type.Integer({ minimum: 0, maximum: 64 }),
      /** How the SIRs wake their targets (seed S7-S9), or 'connected' when none is needed (S10). */
      wakeMode: Type.Optional(WakeMode),
      /** Selected clients that are neither connected nor have an activation method. */
      unreachableClientIds: Type.Optional(Type.Array(Id, { maxItems: 64 })),
      /** Set when the push cannot reach anybody (unknown-user, no-eligible-client, no-activation-method). */
      unresolvedReason: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false },
  ),
  example: {
    tenantId: 'mobilkom',
    pushId: '42@pi.example.com',
    recipientIndex: 0,
    publicUserIdentity: 'sip:+43-8323546@mobilkom.at',
    targetClientIds: ['c-phone'],
    sirCount: 1,
    directCount: 0,
    wakeMode: 'targeted',
  },
});
export type PushPlannedV1 = Static<typeof PushPlannedV1.schema>;
