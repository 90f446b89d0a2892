import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { deliveryCommon, deliveryExample } from './delivery-common';

export const DELIVERY_SMS_REQUESTED_V1 = 'waken.delivery.sms.v1';

/** WAP push over SMS: ready-made segments (UDH + user data), 8-bit data coding, for delivery-sms. */
export const DeliverySmsRequestedV1 = defineEvent({
  name: 'DeliverySmsRequestedV1',
  version: 1,
  topic: DELIVERY_SMS_REQUESTED_V1,
  summary: 'WAP push over SMS segments for one MSISDN, submitted via SMPP by delivery-sms.',
  schema: Type.Object(
    {
      ...deliveryCommon,
      msisdn: Type.String({ pattern: '^\\+[1-9][0-9]{1,14}$' }),
      /** Each segment is the TP-User-Data with its UDH (esm_class UDHI set). */
      segments: Type.Array(Type.String({ maxLength: 200, pattern: '^[A-Za-z0-9+/]*={0,2}$' }), { minItems: 1, maxItems: 255 }),
      dataCoding: Type.Integer({ minimum: 0, maximum: 255 }),
    },
    { additionalProperties: false },
  ),
  example: {
    ...deliveryExample,
    msisdn: '+438323546',
    segments: ['BgUEC4Qj8AEGA7SvgQA='],
    dataCoding: 4,
  },
});
export type DeliverySmsRequestedV1 = Static<typeof DeliverySmsRequestedV1.schema>;
