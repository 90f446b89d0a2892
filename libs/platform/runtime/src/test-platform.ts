import { PlatformConfig } from '@waken/platform-config';

/** Platform settings for a service started inside a test: its own topics and group, ephemeral port. */
export function testPlatformConfig(serviceName: string, topicPrefix: string, overrides: Partial<PlatformConfig> = {}): PlatformConfig {
  return {
    serviceName,
    instanceId: `${serviceName}-test`,
    logLevel: (process.env.LOG_LEVEL as PlatformConfig['logLevel']) ?? 'warn',
    httpHost: '127.0.0.1',
    httpPort: 0,
    kafka: {
      brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:19092').split(','),
      clientId: `${topicPrefix}${serviceName}`,
      groupId: `${topicPrefix}${serviceName}`,
      topicPrefix,
    },
    databaseUrl: 'postgres://postgres@127.0.0.1:5432/unused',
    ...overrides,
  };
}
