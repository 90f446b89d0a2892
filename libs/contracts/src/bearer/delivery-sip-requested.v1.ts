import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { Base64 } from '../common/types';
import { deliveryCommon, deliveryExample } from './delivery-common';

export const DELIVERY_SIP_REQUESTED_V1 = 'waken.delivery.sip.v1';

/** A SIP MESSAGE to a GRUU (targeted) or an AOR (broadcast), for delivery-sip. */
export const DeliverySipRequestedV1 = defineEvent({
  name: 'DeliverySipRequestedV1',
  version: 1,
  topic: DELIVERY_SIP_REQUESTED_V1,
  summary: 'A SIP MESSAGE for delivery-sip (seed S6, S7).',
  schema: Type.Object(
    {
      ...deliveryCommon,
      requestUri: Type.String({ minLength: 5, maxLength: 1024, pattern: '^sips?:' }),
      /** Extra header fields, already validated: no CR/LF in names or values. */
      headers: Type.Record(Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' }), Type.String({ maxLength: 1024, pattern: '^[^\\r\\n]*$' })),
      contentType: Type.String({ minLength: 1, maxLength: 200 }),
      bodyBase64: Base64,
    },
    { additionalProperties: false },
  ),
  example: {
    ...deliveryExample,
    requestUri: 'sip:+43-8323546@mobilkom.at;gr=urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
    headers: { 'X-Waken-Device-Id': 'urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6' },
    contentType: 'application/vnd.waken.sir+json',
    bodyBase64: 'e30=',
  },
});
export type DeliverySipRequestedV1 = Static<typeof DeliverySipRequestedV1.schema>;
