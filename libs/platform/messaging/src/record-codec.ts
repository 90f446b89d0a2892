import { EnvelopeHeaders, EventDefinition, HEADER } from '@waken/contracts';
import { EventEnvelope, OutgoingEvent } from './event-envelope';
import { childTraceparent } from './event-ids';
import { randomUUID } from 'node:crypto';

/** The largest record value a consumer parses; bigger ones go to the DLQ unparsed. */
export const MAX_RECORD_BYTES = 2 * 1024 * 1024;

export type RawHeaders = Record<string, Buffer | string | (Buffer | string)[] | undefined>;

export interface RawRecord {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: RawHeaders;
}

export class InvalidRecord extends Error {
  constructor(readonly reason: 'not-json' | 'too-large' | 'missing-header' | 'contract', message: string) {
    super(message);
    this.name = 'InvalidRecord';
  }
}

function headerText(headers: RawHeaders | undefined, name: string): string | undefined {
  const v = headers?.[name];
  const one = Array.isArray(v) ? v[0] : v;
  return one === undefined ? undefined : one.toString();
}

/** Parses and validates one record against its contract, or throws InvalidRecord. */
export function decodeRecord<T>(def: EventDefinition, record: RawRecord): EventEnvelope<T> {
  if (!record.value) throw new InvalidRecord('not-json', 'record has no value');
  if (record.value.length > MAX_RECORD_BYTES) throw new InvalidRecord('too-large', `record of ${record.value.length} bytes`);
  let json: unknown;
  try {
    json = JSON.parse(record.value.toString('utf8'));
  } catch (e) {
    throw new InvalidRecord('not-json', `value is not JSON: ${(e as Error).message}`);
  }
  const problems = def.problems(json);
  if (problems.length > 0) throw new InvalidRecord('contract', `${def.name}: ${problems.slice(0, 5).join('; ')}`);
  const eventId = headerText(record.headers, HEADER.eventId);
  if (!eventId) throw new InvalidRecord('missing-header', `missing ${HEADER.eventId} header`);
  const headers: EnvelopeHeaders = {
    eventId,
    eventType: headerText(record.headers, HEADER.eventType) ?? def.name,
    correlationId: headerText(record.headers, HEADER.correlationId) ?? eventId,
    causationId: headerText(record.headers, HEADER.causationId),
    occurredAt: headerText(record.headers, HEADER.occurredAt) ?? new Date(0).toISOString(),
    traceparent: headerText(record.headers, HEADER.traceparent),
  };
  return {
    topic: record.topic,
    partition: record.partition,
    offset: record.offset,
    key: record.key?.toString() ?? '',
    headers,
    payload: json as T,
  };
}

export interface EncodedRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** Builds the record for one outgoing event, with the envelope headers. */
export function encodeRecord<T>(def: EventDefinition, event: OutgoingEvent<T>, now = new Date()): EncodedRecord {
  const cause = event.causation?.headers;
  const eventId = event.eventId ?? randomUUID();
  const headers: Record<string, string> = {
    [HEADER.eventId]: eventId,
    [HEADER.eventType]: def.name,
    [HEADER.correlationId]: event.correlationId ?? cause?.correlationId ?? eventId,
    [HEADER.occurredAt]: now.toISOString(),
    [HEADER.traceparent]: childTraceparent(cause?.traceparent),
  };
  if (cause) headers[HEADER.causationId] = cause.eventId;
  return { key: event.key, value: JSON.stringify(event.payload), headers };
}
