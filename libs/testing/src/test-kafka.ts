import { randomBytes } from 'node:crypto';

export const TEST_KAFKA_BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(',');

/** A topic prefix unique to one test file, so tests never share topics or consumer groups. */
export function uniqueTopicPrefix(name: string): string {
  return `t.${name.replace(/[^a-z0-9-]/gi, '-').toLowerCase()}.${randomBytes(3).toString('hex')}.`;
}
