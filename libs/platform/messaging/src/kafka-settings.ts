import { RetryPolicy } from './failure-policy';

/** How one service talks to Kafka. clientId and groupId are always explicit (STYLE.md). */
export interface KafkaSettings {
  brokers: string[];
  clientId: string;
  groupId: string;
  /** Prepended to every topic name: isolates test runs and environments. */
  topicPrefix: string;
  /** Partitions for topics this service creates. */
  partitions: number;
  replicationFactor: number;
  /** Producer: records are coalesced for at most this long before one sendBatch. */
  lingerMs: number;
  maxBatchRecords: number;
  /** One sendBatch carries at most this many bytes (the broker refuses record batches over message.max.bytes, 1 MiB by default). */
  maxBatchBytes: number;
  /** Consumer: partitions handled in parallel. */
  partitionsConsumedConcurrently: number;
  /** Consumer fetch: the broker answers once this many bytes are ready or fetchMaxWaitMs passed (bigger batches, more latency). */
  fetchMinBytes: number;
  fetchMaxWaitMs: number;
  retry: RetryPolicy;
}

export const DEFAULT_KAFKA_SETTINGS: Omit<KafkaSettings, 'brokers' | 'clientId' | 'groupId'> = {
  topicPrefix: '',
  partitions: 4,
  replicationFactor: 1,
  lingerMs: 0,
  maxBatchRecords: 2000,
  maxBatchBytes: 512 * 1024,
  partitionsConsumedConcurrently: 4,
  fetchMinBytes: 1,
  fetchMaxWaitMs: 250,
  retry: { maxAttempts: 5, initialBackoffMs: 100, maxBackoffMs: 5000 },
};
