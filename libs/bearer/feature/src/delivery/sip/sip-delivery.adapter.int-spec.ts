// The SIP adapter on loopback against a scripted proxy: forged responses are ignored (#21),
// 503 and timeouts are retried, and a blackholed proxy ends in `expired` by the TTL (R5).
import { DeliveryReportedV1, DeliverySipRequestedV1 } from '@waken/contracts';
import { RecordingPublisher } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { DeliveryBatchRunner } from '../common/delivery-batch-runner';
import { DEFAULT_DELIVERY_POLICY } from '../common/delivery-policy';
import { deliveryEnvelope } from '../testing/delivery-envelope';
import { ProxyStep, ScriptedSipProxy } from '../testing/scripted-sip-proxy';
import { SipDeliveryAdapter } from './sip-delivery.adapter';

const opened: Array<{ close(): Promise<unknown> }> = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((o) => o.close()));
});

async function setup(script: ProxyStep[], timerFMs = 8000) {
  const proxy = await ScriptedSipProxy.open(script);
  const adapter = new SipDeliveryAdapter({
    localHost: '127.0.0.1', localPort: 0, proxy: { transport: 'udp', host: '127.0.0.1', port: proxy.port },
    from: 'sip:ppg@example.com', timerFMs, t1Ms: 100, maxInflight: 8,
  });
  await adapter.onModuleInit();
  opened.push(proxy, { close: () => adapter.onApplicationShutdown() });
  const publisher = new RecordingPublisher();
  const runner = new DeliveryBatchRunner<DeliverySipRequestedV1>({
    service: 'delivery-sip', publisher, adapter, drain: new AbortController().signal, logger: createLogger('t', 'silent'),
    policy: { ...DEFAULT_DELIVERY_POLICY, maxAttempts: 3, initialBackoffMs: 20, maxBackoffMs: 40 },
  });
  const deliver = async (ttlMs: number) => {
    await runner.handle([deliveryEnvelope({ ...DeliverySipRequestedV1.example, expiresAt: new Date(Date.now() + ttlMs).toISOString() })]);
    return publisher.of<DeliveryReportedV1>(DeliveryReportedV1).map((e) => e.payload);
  };
  return { proxy, deliver };
}

describe('SipDeliveryAdapter on loopback', () => {
  it('ignores a forged 200 OK for an unknown Call-ID, retries the 503, and reports the matched 200', async () => {
    const t = await setup([{ forgeThen: 503 }, 200]);
    const [report] = await t.deliver(30_000);
    expect(report).toMatchObject({ outcome: 'delivered', attempt: 2, detail: '200 OK' });
    expect(DeliveryReportedV1.problems(report)).toEqual([]);
    expect(t.proxy.requests).toHaveLength(2);
    expect(t.proxy.requests[0].request.method).toBe('MESSAGE');
  });

  it('a Timer F timeout is retried up to maxAttempts, then failed', async () => {
    const t = await setup(['silent'], 300);
    const [report] = await t.deliver(30_000);
    expect(report).toMatchObject({ outcome: 'failed', attempt: 3, final: true });
    expect(report.detail).toContain('Timer F');
    expect(t.proxy.requests).toHaveLength(3);
  });

  it('a blackholed proxy ends in expired by the TTL, nothing sent after it (reliability.md R5)', async () => {
    const t = await setup(['silent']);
    const started = Date.now();
    const [report] = await t.deliver(1500);
    const deadline = started + 1500;
    expect(report).toMatchObject({ outcome: 'expired', final: true });
    expect(Date.now() - deadline).toBeLessThan(1000);
    expect(t.proxy.requests.every((r) => r.at < deadline)).toBe(true);
  });
});
