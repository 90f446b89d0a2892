import { EnvReader } from '@waken/platform-config';
import { DeliveryPolicy } from './delivery-policy';

/**
 * The delivery policy every delivery app reads the same way (like readPlatformConfig for the
 * platform settings): DELIVERY_MAX_ATTEMPTS, DELIVERY_BACKOFF_INITIAL_MS, DELIVERY_BACKOFF_MAX_MS,
 * DELIVERY_CONCURRENCY, DELIVERY_DEDUPE_CAPACITY (docs/delivery.md).
 */
export function readDeliveryPolicy(env: EnvReader): DeliveryPolicy {
  return {
    maxAttempts: env.int('DELIVERY_MAX_ATTEMPTS', { default: 4, min: 1, max: 10 }),
    initialBackoffMs: env.int('DELIVERY_BACKOFF_INITIAL_MS', { default: 200, min: 1, max: 60_000 }),
    maxBackoffMs: env.int('DELIVERY_BACKOFF_MAX_MS', { default: 5000, min: 1, max: 300_000 }),
    concurrency: env.int('DELIVERY_CONCURRENCY', { default: 512, min: 1, max: 100_000 }),
    dedupeCapacity: env.int('DELIVERY_DEDUPE_CAPACITY', { default: 100_000, min: 1, max: 10_000_000 }),
  };
}
