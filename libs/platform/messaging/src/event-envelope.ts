import { EnvelopeHeaders } from '@waken/contracts';

/** One validated record as a handler sees it. */
export interface EventEnvelope<T> {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  headers: EnvelopeHeaders;
  payload: T;
}

/** A record to publish; ids default from the causing event (STYLE.md: envelope headers). */
export interface OutgoingEvent<T> {
  key: string;
  payload: T;
  /** Deterministic ids make redelivered inputs produce the same outputs (dedupe downstream). */
  eventId?: string;
  correlationId?: string;
  causation?: Pick<EventEnvelope<unknown>, 'headers'>;
}
