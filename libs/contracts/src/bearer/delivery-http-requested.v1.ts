import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { Base64 } from '../common/types';
import { deliveryCommon, deliveryExample } from './delivery-common';

export const DELIVERY_HTTP_REQUESTED_V1 = 'waken.delivery.http.v1';

/** An HTTP POST to the client's push endpoint, for delivery-http. */
export const DeliveryHttpRequestedV1 = defineEvent({
  name: 'DeliveryHttpRequestedV1',
  version: 1,
  topic: DELIVERY_HTTP_REQUESTED_V1,
  summary: 'An HTTP POST of a SIR or content to a client push endpoint, sent by delivery-http.',
  schema: Type.Object(
    {
      ...deliveryCommon,
      url: Type.String({ minLength: 8, maxLength: 1024, pattern: '^https?://' }),
      headers: Type.Record(Type.String({ pattern: '^[A-Za-z0-9-]{1,64}$' }), Type.String({ maxLength: 1024, pattern: '^[^\\r\\n]*$' })),
      contentType: Type.String({ minLength: 1, maxLength: 200 }),
      bodyBase64: Base64,
    },
    { additionalProperties: false },
  ),
  example: {
    ...deliveryExample,
    url: 'http://127.0.0.1:8085/push',
    headers: {},
    contentType: 'application/vnd.waken.sir+json',
    bodyBase64: 'e30=',
  },
});
export type DeliveryHttpRequestedV1 = Static<typeof DeliveryHttpRequestedV1.schema>;
