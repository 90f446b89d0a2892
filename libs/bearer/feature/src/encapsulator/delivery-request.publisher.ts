import { Injectable } from '@nestjs/common';
import type { BearerRequest } from '@waken/bearer-encapsulation';
import {
  DeliveryHttpRequestedV1,
  DeliveryReportedV1,
  DeliverySipRequestedV1,
  DeliverySmsRequestedV1,
  DeliveryUdpRequestedV1,
  type ActivationMethod,
  type EventDefinition,
  type SirComposedV1,
} from '@waken/contracts';
import { EventPublisher, deterministicEventId, type OutgoingEvent } from '@waken/platform-messaging';
import type { FallbackContext } from './fallback-context';

const CONTRACT: Readonly<Record<BearerRequest['bearer'], EventDefinition>> = {
  sip: DeliverySipRequestedV1,
  sms: DeliverySmsRequestedV1,
  udp: DeliveryUdpRequestedV1,
  http: DeliveryHttpRequestedV1,
};

/** One request to publish: the bearer request and where it came from. */
export interface PlannedRequest {
  request: BearerRequest;
  step: number;
  context: FallbackContext;
}

/**
 * Publishes delivery requests on their bearer topics. Event ids derive from (tenant, SIR, step),
 * so a redelivered SIR or report, or a deadline that fires twice, yields the same records.
 */
@Injectable()
export class DeliveryRequestPublisher {
  constructor(private readonly publisher: EventPublisher) {}

  async publish(planned: PlannedRequest[]): Promise<void> {
    const byBearer = new Map<BearerRequest['bearer'], OutgoingEvent<unknown>[]>();
    for (const { request, step, context } of planned) {
      const { tenantId, sirId } = request.payload;
      const event = { key: context.key, payload: request.payload, causation: context.cause, eventId: requestEventId(tenantId, sirId, step) };
      byBearer.set(request.bearer, [...(byBearer.get(request.bearer) ?? []), event]);
    }
    await Promise.all([...byBearer].map(([bearer, events]) => this.publisher.publish(CONTRACT[bearer], events)));
  }

  /**
   * seed §S12: no method of the chain could carry the SIR (every address unusable). Reported like
   * a final failed attempt, so the push's outcome does not wait for its expiry.
   */
  async undeliverable(composed: SirComposedV1, method: ActivationMethod, detail: string, context: FallbackContext): Promise<void> {
    const payload: DeliveryReportedV1 = {
      tenantId: composed.tenantId,
      pushId: composed.pushId,
      sirId: composed.sir.sirId,
      kind: 'sir',
      bearer: method.bearer,
      destination: method.address.slice(0, 1024),
      attempt: 1,
      outcome: 'undeliverable',
      detail: detail.slice(0, 500),
      final: true,
      targetClientIds: composed.targetClientIds,
      reportedAt: new Date().toISOString(),
    };
    const eventId = deterministicEventId('encapsulator', composed.tenantId, composed.sir.sirId, 'undeliverable');
    await this.publisher.publish(DeliveryReportedV1, [{ key: context.key, payload, causation: context.cause, eventId }]);
  }
}

export function requestEventId(tenantId: string, sirId: string, step: number): string {
  return deterministicEventId('encapsulator', tenantId, sirId, 'step', String(step));
}
