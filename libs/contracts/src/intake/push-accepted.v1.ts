import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { DeviceIdentity, Id, PushContent, QualityOfService, Timestamp } from '../common/types';

export const PUSH_ACCEPTED_V1 = 'waken.push.accepted.v1';

/** seed S1: a PI's push for one recipient (one PAP address), accepted by push-intake. */
export const PushAcceptedV1 = defineEvent({
  name: 'PushAcceptedV1',
  version: 1,
  topic: PUSH_ACCEPTED_V1,
  summary: 'A push for one recipient was accepted by push-intake (seed S1). Key: public user identity.',
  schema: Type.Object(
    {
      tenantId: Id,
      pushId: Id,
      piId: Id,
      recipientIndex: Type.Integer({ minimum: 0, maximum: 9999 }),
      publicUserIdentity: Type.String({ minLength: 1, maxLength: 512 }),
      /** Device identities the PI named for this recipient (optional; the PPG selects otherwise). */
      targetDevices: Type.Array(DeviceIdentity, { maxItems: 32 }),
      content: PushContent,
      qos: QualityOfService,
      deliverAfter: Type.Optional(Timestamp),
      deliverBefore: Type.Optional(Timestamp),
      acceptedAt: Timestamp,
    },
    { additionalProperties: false },
  ),
  example: {
    tenantId: 'mobilkom',
    pushId: '42@pi.example.com',
    piId: 'pi-news',
    recipientIndex: 0,
    publicUserIdentity: 'sip:+43-8323546@mobilkom.at',
    targetDevices: [{ kind: 'uuid', value: 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' }],
    content: { contentType: 'text/plain', applicationId: 'x-wap-application:wml.ua', bodyBase64: 'aGVsbG8=' },
    qos: { priority: 'medium', deliveryMethod: 'notspecified' },
    deliverBefore: '2030-01-01T00:00:00Z',
    acceptedAt: '2026-11-26T10:00:00.000Z',
  },
});
export type PushAcceptedV1 = Static<typeof PushAcceptedV1.schema>;
