import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { Bearer, Id, Timestamp } from '../common/types';

export const DELIVERY_REPORTED_V1 = 'waken.delivery.reported.v1';

export const DELIVERY_OUTCOMES = ['sent', 'delivered', 'undeliverable', 'failed', 'expired'] as const;

/** One report per delivery attempt (seed S12: every message may have a response). */
export const DeliveryReportedV1 = defineEvent({
  name: 'DeliveryReportedV1',
  version: 1,
  topic: DELIVERY_REPORTED_V1,
  summary: 'Outcome of one delivery attempt on one bearer; failed/undeliverable trigger fallback.',
  schema: Type.Object(
    {
      tenantId: Id,
      pushId: Id,
      sirId: Id,
      kind: Type.Union([Type.Literal('sir'), Type.Literal('content')]),
      bearer: Bearer,
      destination: Type.String({ maxLength: 1024 }),
      attempt: Type.Integer({ minimum: 1, maximum: 100 }),
      outcome: Type.Union(DELIVERY_OUTCOMES.map((o) => Type.Literal(o))),
      detail: Type.Optional(Type.String({ maxLength: 500 })),
      /** True on a failed/undeliverable/expired attempt when the request had no fallback left. */
      final: Type.Optional(Type.Boolean()),
      targetClientIds: Type.Array(Id, { maxItems: 64 }),
      /** When the payload was handed to the socket ("on the wire"). */
      onWireAt: Type.Optional(Timestamp),
      acceptedAt: Type.Optional(Timestamp),
      reportedAt: Timestamp,
    },
    { additionalProperties: false },
  ),
  example: {
    tenantId: 'mobilkom',
    pushId: '42@pi.example.com',
    sirId: 'sir-0b6a2f1c',
    kind: 'sir',
    bearer: 'sip',
    destination: 'sip:+43-8323546@mobilkom.at;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
    attempt: 1,
    outcome: 'delivered',
    detail: '200 OK',
    targetClientIds: ['c-phone'],
    onWireAt: '2026-11-26T10:00:00.010Z',
    reportedAt: '2026-11-26T10:00:00.020Z',
  },
});
export type DeliveryReportedV1 = Static<typeof DeliveryReportedV1.schema>;
