// Each delivery app as its own process, from its main.ts: it starts on its own (own group, own
// topic), serves its health endpoint, and on SIGTERM finishes what it holds and exits 0.
import { DeliveryHttpRequestedV1, DeliveryReportedV1 } from '@waken/contracts';
import { DEFAULT_KAFKA_SETTINGS, MessageBus, TopicTap } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { TEST_KAFKA_BROKERS, uniqueTopicPrefix, waitFor } from '@waken/testing';
import { AppProcess } from './testing/app-process';
import { NpmSmppServer } from './testing/npm-smpp-server';
import { kamailioPeer } from './testing/sip-device';
import { TestPushEndpoint } from './testing/test-push-endpoint';

const prefix = uniqueTopicPrefix('delivery-apps');
const kafkaEnv = (app: string) => ({ KAFKA_BROKERS: TEST_KAFKA_BROKERS.join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_GROUP_ID: `${prefix}${app}` });

describe('delivery apps as processes', () => {
  const started: AppProcess[] = [];
  let smsc: NpmSmppServer;
  let endpoint: TestPushEndpoint;
  let base: string;

  beforeAll(async () => {
    smsc = new NpmSmppServer();
    endpoint = new TestPushEndpoint();
    base = await endpoint.start();
  });

  afterAll(async () => {
    started.forEach((p) => p.kill());
    await smsc?.stop();
    await endpoint?.stop();
  });

  const envs = async (): Promise<Record<string, Record<string, string>>> => ({
    'delivery-sip': { SIP_LOCAL_HOST: '127.0.0.1', SIP_LOCAL_PORT: '0', SIP_PROXY_HOST: kamailioPeer().host, SIP_PROXY_PORT: String(kamailioPeer().port) },
    'delivery-sms': { SMPP_HOST: '127.0.0.1', SMPP_PORT: String(await smsc.start()), SMPP_SYSTEM_ID: 'waken', SMPP_PASSWORD: 'secret' },
    'delivery-udp': { UDP_LOCAL_HOST: '127.0.0.1' },
    'delivery-http': { HTTP_PUSH_ALLOW_PRIVATE_TARGETS: 'true' },
  });

  it('each app starts alone, is live, and stops with exit code 0 on SIGTERM', async () => {
    for (const [app, env] of Object.entries(await envs())) {
      const p = await AppProcess.start(app, { ...kafkaEnv(app), ...env });
      started.push(p);
      const live = await fetch(`${p.url}/health/live`);
      expect(live.status).toBe(200);
      expect(await p.stop()).toBe(0);
      expect(p.logged(`${app} stopped`)).toBe(true);
    }
  });

  it('delivery-http drains on SIGTERM: the push in flight is answered and reported before exit', async () => {
    const bus = new MessageBus({ ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: 'encapsulator', groupId: 'encapsulator', topicPrefix: prefix }, createLogger('test', 'error'));
    const tap = await TopicTap.start(TEST_KAFKA_BROKERS, prefix, [DeliveryReportedV1]);
    try {
      const p = await AppProcess.start('delivery-http', { ...kafkaEnv('delivery-http-drain'), HTTP_PUSH_ALLOW_PRIVATE_TARGETS: 'true' });
      started.push(p);
      endpoint.script('/slow', [{ after: 1500, status: 200 }]);
      await bus.connect();
      const payload = { ...DeliveryHttpRequestedV1.example, sirId: 'sir-drain', url: `${base}/slow`, expiresAt: new Date(Date.now() + 60_000).toISOString() };
      await bus.publish(DeliveryHttpRequestedV1, [{ key: 'sip:+43-8323546@example.com', payload }]);
      await waitFor(() => endpoint.of('/slow').length === 1, { what: 'the push to reach the endpoint' });
      expect(await p.stop()).toBe(0);
      const report = await waitFor(() => tap.of<DeliveryReportedV1>(DeliveryReportedV1).find((r) => r.payload.sirId === 'sir-drain'), { what: 'the drained report' });
      expect(report.payload).toMatchObject({ outcome: 'delivered', bearer: 'http' });
    } finally {
      await tap.stop();
      await bus.disconnect();
    }
  });
});
