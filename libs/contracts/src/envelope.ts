/**
 * The message envelope of every record (STYLE.md, Contracts):
 * key = the public user identity, so one user's events stay in order;
 * headers carry the ids that tie a push's events together.
 */
export const HEADER = {
  eventId: 'event-id',
  eventType: 'event-type',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  occurredAt: 'occurred-at',
  traceparent: 'traceparent',
} as const;

/** Extra headers on a dead-lettered record, beside the original ones and the original bytes. */
export const DLQ_HEADER = {
  error: 'dlq-error',
  originalTopic: 'dlq-original-topic',
  partition: 'dlq-partition',
  offset: 'dlq-offset',
  consumerGroup: 'dlq-consumer-group',
  attempts: 'dlq-attempts',
  failedAt: 'dlq-failed-at',
} as const;

export interface EnvelopeHeaders {
  eventId: string;
  eventType: string;
  correlationId: string;
  causationId?: string;
  occurredAt: string;
  traceparent?: string;
}
