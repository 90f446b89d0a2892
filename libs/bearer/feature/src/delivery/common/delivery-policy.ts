/**
 * Retry and capacity settings of one delivery app (reliability.md R4: at most 5 attempts with
 * jittered backoff; R5: nothing on the wire after the TTL).
 */
export interface DeliveryPolicy {
  /** Transmissions of one request, the first included (>= 1). */
  maxAttempts: number;
  initialBackoffMs: number;
  maxBackoffMs: number;
  /** Requests being transmitted at once, over every batch of the process. */
  concurrency: number;
  /** Requests remembered for dedupe (in memory, per process). */
  dedupeCapacity: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  maxAttempts: 4,
  initialBackoffMs: 200,
  maxBackoffMs: 5000,
  concurrency: 512,
  dedupeCapacity: 100_000,
};

/**
 * Producer tuning every delivery app runs with (runService `kafka`). The reports of one consumed
 * batch share its partition, and MessageBus bounds a sendBatch by records, not bytes: at up to
 * ~2.5 KB per report (1 KiB destination, 500-char detail, headers), 400 stay under the broker's
 * 1 MiB message.max.bytes. Measured: 2,000 reports to one partition are refused (MESSAGE_TOO_LARGE).
 */
export const DELIVERY_KAFKA_TUNING = { maxBatchRecords: 400 } as const;
