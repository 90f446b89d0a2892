import { EnvReader } from './env-reader';

/** The settings every service shares: identity, Kafka, PostgreSQL, HTTP, logs. */
export interface PlatformConfig {
  serviceName: string;
  instanceId: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
  httpHost: string;
  httpPort: number;
  kafka: { brokers: string[]; clientId: string; groupId: string; topicPrefix: string; fetchMinBytes?: number; fetchMaxWaitMs?: number; lingerMs?: number };
  databaseUrl: string;
}

/** Reads the shared part of an app's configuration; `serviceName` is the consumer group too. */
export function readPlatformConfig(env: EnvReader, serviceName: string, defaults: { httpPort: number }): PlatformConfig {
  const instanceId = env.string('WAKEN_INSTANCE_ID', { default: `${serviceName}-${process.pid}` });
  return {
    serviceName,
    instanceId,
    logLevel: env.string('LOG_LEVEL', { default: 'info', oneOf: ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] }) as PlatformConfig['logLevel'],
    httpHost: env.string('HTTP_HOST', { default: '127.0.0.1' }),
    httpPort: env.int('HTTP_PORT', { default: defaults.httpPort, min: 0, max: 65535 }),
    kafka: {
      brokers: env.list('KAFKA_BROKERS', { default: ['127.0.0.1:19092'] }),
      clientId: env.string('KAFKA_CLIENT_ID', { default: instanceId }),
      groupId: env.string('KAFKA_GROUP_ID', { default: serviceName }),
      topicPrefix: env.string('KAFKA_TOPIC_PREFIX', { default: '', pattern: /^[a-z0-9.-]*$/ }),
      // throughput/latency trade-off of every hop: bigger fetches and producer batches cost waiting
      fetchMinBytes: env.int('KAFKA_FETCH_MIN_BYTES', { default: 1, min: 1, max: 10_485_760 }),
      fetchMaxWaitMs: env.int('KAFKA_FETCH_MAX_WAIT_MS', { default: 250, min: 1, max: 10_000 }),
      lingerMs: env.int('KAFKA_PRODUCER_LINGER_MS', { default: 0, min: 0, max: 1000 }),
    },
    databaseUrl: env.url('DATABASE_URL', {
      default: `postgres://postgres@127.0.0.1:5432/waken`,
      protocols: ['postgres', 'postgresql', 'pglite', 'memory'],
    }),
  };
}
