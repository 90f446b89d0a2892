// delivery-http on real Kafka against a test push endpoint: 200 delivered, 404 undeliverable
// (final), 503 then 200 retried then delivered.
import { DeliveryHttpRequestedV1, DeliveryReportedV1 } from '@waken/contracts';
import { DEFAULT_KAFKA_SETTINGS, MessageBus, TopicTap } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { RunningService, runService, testPlatformConfig } from '@waken/platform-runtime';
import { TEST_KAFKA_BROKERS, uniqueTopicPrefix, waitFor } from '@waken/testing';
import { DEFAULT_DELIVERY_POLICY, DELIVERY_KAFKA_TUNING } from '../common/delivery-policy';
import { TestPushEndpoint } from '../testing/test-push-endpoint';
import { DeliveryHttpFeatureModule } from './delivery-http-feature.module';

const prefix = uniqueTopicPrefix('delivery-http');

describe('delivery-http over real Kafka', () => {
  let endpoint: TestPushEndpoint;
  let base: string;
  let service: RunningService;
  let bus: MessageBus;
  let tap: TopicTap;
  const reportOf = (sirId: string) => tap.of<DeliveryReportedV1>(DeliveryReportedV1).find((r) => r.payload.sirId === sirId)?.payload;
  const request = (sirId: string, path: string): DeliveryHttpRequestedV1 => ({
    ...DeliveryHttpRequestedV1.example, sirId, url: `${base}${path}`, expiresAt: new Date(Date.now() + 60_000).toISOString(), headers: { 'X-Waken-Sir-Id': sirId },
  });

  beforeAll(async () => {
    endpoint = new TestPushEndpoint();
    base = await endpoint.start();
    service = await runService({
      platform: testPlatformConfig('delivery-http', prefix),
      feature: DeliveryHttpFeatureModule.forRoot({
        policy: { ...DEFAULT_DELIVERY_POLICY, initialBackoffMs: 50, maxBackoffMs: 200 },
        http: { connectTimeoutMs: 1000, responseTimeoutMs: 2000, maxSockets: 8, allowPrivateTargets: true, userAgent: 'waken-delivery-http' },
      }),
      http: true,
      transport: { kind: 'kafka' },
      kafka: DELIVERY_KAFKA_TUNING,
    });
    bus = new MessageBus({ ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: 'encapsulator', groupId: 'encapsulator', topicPrefix: prefix }, createLogger('test', 'error'));
    await bus.connect();
    tap = await TopicTap.start(TEST_KAFKA_BROKERS, prefix, [DeliveryReportedV1]);
  });

  afterAll(async () => {
    await tap?.stop();
    await bus?.disconnect();
    await service?.close();
    await endpoint?.stop();
  });

  it('200 -> delivered; 404 -> undeliverable, final; 503 then 200 -> retried, then delivered', async () => {
    endpoint.script('/gone', [404]);
    endpoint.script('/flaky', [503, 200]);
    await bus.publish(DeliveryHttpRequestedV1, ['/ok', '/gone', '/flaky'].map((path, i) => ({ key: 'sip:+43-8323546@example.com', payload: request(`sir-${i}`, path) })));
    const [ok, gone, flaky] = await waitFor(() => {
      const r = ['sir-0', 'sir-1', 'sir-2'].map(reportOf);
      return r.every(Boolean) && (r as DeliveryReportedV1[]);
    }, { what: 'three reports' });
    expect(ok).toMatchObject({ outcome: 'delivered', attempt: 1, bearer: 'http', detail: '200 OK' });
    expect(gone).toMatchObject({ outcome: 'undeliverable', final: true, attempt: 1, detail: '404 Not Found' });
    expect(flaky).toMatchObject({ outcome: 'delivered', attempt: 2 });
    expect(endpoint.of('/flaky')).toHaveLength(2);
    expect(endpoint.of('/gone')).toHaveLength(1);
    expect(endpoint.of('/ok')[0].headers['x-waken-sir-id']).toBe('sir-0');
    [ok, gone, flaky].forEach((r) => expect(DeliveryReportedV1.problems(r)).toEqual([]));
  });
});
