import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { Id, PushContent, QualityOfService, Timestamp } from '../common/types';
import { ClientSnapshot } from './client-snapshot';

export const PUSH_RESOLVED_V1 = 'waken.push.resolved.v1';

/** seed S2+S3: the clients of the recipient, and those selected to receive the push. */
export const PushResolvedV1 = defineEvent({
  name: 'PushResolvedV1',
  version: 1,
  topic: PUSH_RESOLVED_V1,
  summary: 'The registry gathered the clients of the public identity (S2) and selected the targets (S3).',
  schema: Type.Object(
    {
      tenantId: Id,
      pushId: Id,
      recipientIndex: Type.Integer({ minimum: 0, maximum: 9999 }),
      publicUserIdentity: Type.String({ minLength: 1, maxLength: 512 }),
      content: PushContent,
      qos: QualityOfService,
      deliverBefore: Type.Optional(Timestamp),
      /** When push-intake accepted the push (PushAcceptedV1.acceptedAt), carried to the delivery request for accept → wire latency. */
      acceptedAt: Type.Optional(Timestamp),
      /** Wake policy of the tenant/user (seed S4): auto lets id-check choose. */
      policy: Type.Union([
        Type.Literal('auto'),
        Type.Literal('targeted'),
        Type.Literal('broadcast-identity'),
        Type.Literal('broadcast'),
      ]),
      clients: Type.Array(ClientSnapshot, { maxItems: 64 }),
      selectedClientIds: Type.Array(Id, { maxItems: 64 }),
      /** Set when nothing can be selected: unknown-user, no-eligible-client. */
      unresolvedReason: Type.Optional(Type.String({ maxLength: 200 })),
    },
    { additionalProperties: false },
  ),
  example: {
    tenantId: 'mobilkom',
    pushId: '42@pi.example.com',
    recipientIndex: 0,
    publicUserIdentity: 'sip:+43-8323546@mobilkom.at',
    content: { contentType: 'text/plain', bodyBase64: 'aGVsbG8=' },
    qos: { priority: 'medium', deliveryMethod: 'notspecified' },
    policy: 'auto',
    clients: [
      {
        clientId: 'c-phone',
        deviceIdentities: [{ kind: 'uuid', value: 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' }],
        connected: false,
        activationMethods: [
          { bearer: 'sip', address: 'sip:+43-8323546@mobilkom.at;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' },
          { bearer: 'sms', address: '+438323546' },
        ],
        acceptsContentTypes: [],
        optedOut: false,
      },
    ],
    selectedClientIds: ['c-phone'],
  },
});
export type PushResolvedV1 = Static<typeof PushResolvedV1.schema>;
