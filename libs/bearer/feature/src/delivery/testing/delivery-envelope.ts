import { EventEnvelope } from '@waken/platform-messaging';

let offset = 0;

/** A consumed record as a handler sees it, for unit specs. */
export function deliveryEnvelope<T>(payload: T, eventId = `ev-${++offset}`): EventEnvelope<T> {
  return {
    topic: 'waken.delivery.test',
    partition: 0,
    offset: String(offset),
    key: 'sip:+43-8323546@mobilkom.at',
    headers: { eventId, eventType: 'Delivery', correlationId: 'push-42', occurredAt: new Date().toISOString() },
    payload,
  };
}

/** An expiry an hour from now, so the contract examples are not expired when the spec runs. */
export const inAnHour = (): string => new Date(Date.now() + 3_600_000).toISOString();
