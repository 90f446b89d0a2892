import { DLQ_HEADER, deadLetterTopic } from '@waken/contracts';
import { Message } from 'kafkajs';
import { RawRecord } from './record-codec';

/** A dead letter keeps the original key, value bytes and headers, and says why it failed. */
export function deadLetterMessage(record: RawRecord, error: string, groupId: string, attempts: number): Message {
  const headers: Record<string, Buffer | string> = {};
  for (const [name, v] of Object.entries(record.headers ?? {})) {
    const one = Array.isArray(v) ? v[0] : v;
    if (one !== undefined) headers[name] = one;
  }
  headers[DLQ_HEADER.error] = error.slice(0, 2000);
  headers[DLQ_HEADER.originalTopic] = record.topic;
  headers[DLQ_HEADER.partition] = String(record.partition);
  headers[DLQ_HEADER.offset] = record.offset;
  headers[DLQ_HEADER.consumerGroup] = groupId;
  headers[DLQ_HEADER.attempts] = String(attempts);
  headers[DLQ_HEADER.failedAt] = new Date().toISOString();
  return { key: record.key, value: record.value, headers };
}

export { deadLetterTopic };
