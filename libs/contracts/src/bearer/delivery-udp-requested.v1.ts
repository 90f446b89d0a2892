import { Type, Static } from '@sinclair/typebox';
import { defineEvent } from '../common/event-definition';
import { Base64 } from '../common/types';
import { deliveryCommon, deliveryExample } from './delivery-common';

export const DELIVERY_UDP_REQUESTED_V1 = 'waken.delivery.udp.v1';

/** A connectionless WSP Push PDU as one UDP datagram (port 2948), for delivery-udp. */
export const DeliveryUdpRequestedV1 = defineEvent({
  name: 'DeliveryUdpRequestedV1',
  version: 1,
  topic: DELIVERY_UDP_REQUESTED_V1,
  summary: 'A WSP Push datagram to a device IP address, sent by delivery-udp.',
  schema: Type.Object(
    {
      ...deliveryCommon,
      host: Type.String({ minLength: 2, maxLength: 64 }),
      port: Type.Integer({ minimum: 1, maximum: 65535 }),
      datagramBase64: Base64,
    },
    { additionalProperties: false },
  ),
  example: { ...deliveryExample, host: '127.0.0.1', port: 2948, datagramBase64: 'AQYDtK+BAA==' },
});
export type DeliveryUdpRequestedV1 = Static<typeof DeliveryUdpRequestedV1.schema>;
