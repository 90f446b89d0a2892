import { EventDefinition } from './common/event-definition';
import { PushAcceptedV1 } from './intake/push-accepted.v1';
import { PushCancelledV1 } from './intake/push-cancelled.v1';
import { PushResolvedV1 } from './registry/push-resolved.v1';
import { SirRequestedV1 } from './id-check/sir-requested.v1';
import { PushPendingV1 } from './id-check/push-pending.v1';
import { PushPlannedV1 } from './id-check/push-planned.v1';
import { SirComposedV1 } from './sir/sir-composed.v1';
import { DeliverySipRequestedV1 } from './bearer/delivery-sip-requested.v1';
import { DeliverySmsRequestedV1 } from './bearer/delivery-sms-requested.v1';
import { DeliveryUdpRequestedV1 } from './bearer/delivery-udp-requested.v1';
import { DeliveryHttpRequestedV1 } from './bearer/delivery-http-requested.v1';
import { DeliveryReportedV1 } from './bearer/delivery-reported.v1';
import { SessionOpenedV1 } from './session/session-opened.v1';
import { SessionClosedV1 } from './session/session-closed.v1';
import { PushDeliveredV1 } from './session/push-delivered.v1';
import { ClientRespondedV1 } from './session/client-responded.v1';

/**
 * Every topic of the pipeline, in flow order:
 * intake -> registry -> id-check -> sir-composer -> encapsulator -> delivery-<bearer> -> outcomes,
 * plus session events. Each topic T has a dead-letter topic T.dlq.
 */
export const EVENT_CATALOGUE: readonly EventDefinition[] = [
  PushAcceptedV1,
  PushCancelledV1,
  PushResolvedV1,
  PushPlannedV1,
  SirRequestedV1,
  PushPendingV1,
  SirComposedV1,
  DeliverySipRequestedV1,
  DeliverySmsRequestedV1,
  DeliveryUdpRequestedV1,
  DeliveryHttpRequestedV1,
  DeliveryReportedV1,
  SessionOpenedV1,
  SessionClosedV1,
  PushDeliveredV1,
  ClientRespondedV1,
];

const byTopic = new Map(EVENT_CATALOGUE.map((d) => [d.topic, d]));

export function definitionForTopic(topic: string): EventDefinition | undefined {
  return byTopic.get(topic);
}
