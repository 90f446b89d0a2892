import { DeliveryReportedV1, DeliveryUdpRequestedV1 } from '@waken/contracts';
import { EventPublisher, RecordingPublisher } from '@waken/platform-messaging';
import { ServiceMetrics, createLogger } from '@waken/platform-observability';
import { ScriptedAdapter, delivered, transient } from '../testing/scripted-adapter';
import { deliveryEnvelope, inAnHour } from '../testing/delivery-envelope';
import { DeliveryBatchRunner } from './delivery-batch-runner';
import { DeliveryMetrics } from './delivery-metrics';
import { DEFAULT_DELIVERY_POLICY } from './delivery-policy';
import { TransmissionOutcome } from './delivery-request';

type Udp = DeliveryUdpRequestedV1;
const policy = { ...DEFAULT_DELIVERY_POLICY, initialBackoffMs: 1, maxBackoffMs: 2, concurrency: 4 };
const request = (sirId: string): Udp => ({ ...DeliveryUdpRequestedV1.example, sirId, expiresAt: inAnHour() });

function runner(adapter: ScriptedAdapter<Udp>, publisher: EventPublisher = new RecordingPublisher()) {
  const metrics = new ServiceMetrics('delivery-test', false);
  return new DeliveryBatchRunner<Udp>({
    service: 'delivery-test',
    publisher,
    adapter,
    policy,
    drain: new AbortController().signal,
    logger: createLogger('t', 'silent'),
    metrics: new DeliveryMetrics(metrics),
  });
}

/** Fails the first `failures` publish calls, like a broker that is briefly away. */
class FlakyPublisher extends RecordingPublisher {
  constructor(private failures: number) {
    super();
  }
  override async publish<T>(def: Parameters<RecordingPublisher['publish']>[0], events: Parameters<RecordingPublisher['publish']>[1]): Promise<void> {
    if (this.failures-- > 0) throw new Error('broker unavailable');
    return super.publish<T>(def, events as never);
  }
}

describe('DeliveryBatchRunner', () => {
  it('transmits a batch concurrently, never above the cap, one valid report per request', async () => {
    const gate: Array<() => void> = [];
    const adapter = new ScriptedAdapter<Udp>('udp', [() => new Promise<TransmissionOutcome>((r) => gate.push(() => r(delivered())))]);
    const publisher = new RecordingPublisher();
    let finished = false;
    const done = runner(adapter, publisher)
      .handle(Array.from({ length: 10 }, (_, i) => deliveryEnvelope(request(`sir-${i}`))))
      .finally(() => (finished = true));
    for (let turns = 0; !finished && turns < 1000; turns++) {
      await new Promise((r) => setImmediate(r));
      gate.splice(0).forEach((release) => release());
    }
    await done;
    expect(adapter.maxActive).toBe(4);
    const reports = publisher.of<DeliveryReportedV1>(DeliveryReportedV1);
    expect(new Set(reports.map((r) => r.payload.sirId)).size).toBe(10);
    reports.forEach((r) => expect(DeliveryReportedV1.problems(r.payload)).toEqual([]));
    reports.forEach((r) => expect(r.causation?.headers.correlationId).toBe('push-42'));
  });

  it('transmits a redelivered record once and republishes its report with the same event id', async () => {
    const adapter = new ScriptedAdapter<Udp>('udp', [delivered()]);
    const publisher = new RecordingPublisher();
    const r = runner(adapter, publisher);
    const record = deliveryEnvelope(request('sir-dup'));
    await r.handle([record, { ...record, offset: '99' }]);
    await r.handle([{ ...record, offset: '100' }]);
    expect(adapter.calls).toHaveLength(1);
    const ids = publisher.of(DeliveryReportedV1).map((e) => e.eventId);
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(new Set(ids).size).toBe(1);
  });

  it('treats the same sirId to another destination as another request', async () => {
    const adapter = new ScriptedAdapter<Udp>('udp', [delivered()], (r) => `${r.host}:${r.port}`);
    await runner(adapter).handle([deliveryEnvelope(request('sir-a')), deliveryEnvelope({ ...request('sir-a'), port: 2949 })]);
    expect(adapter.calls).toHaveLength(2);
  });

  it('throws when the report cannot be published, and the retried batch publishes without transmitting again', async () => {
    const adapter = new ScriptedAdapter<Udp>('udp', [transient(), delivered()]);
    const publisher = new FlakyPublisher(1);
    const r = runner(adapter, publisher);
    const batch = [deliveryEnvelope(request('sir-flaky'))];
    await expect(r.handle(batch)).rejects.toThrow('broker unavailable');
    await r.handle(batch);
    expect(adapter.calls).toHaveLength(2);
    const [report] = publisher.of<DeliveryReportedV1>(DeliveryReportedV1);
    expect(report.payload).toMatchObject({ outcome: 'delivered', attempt: 2, bearer: 'udp' });
  });
});
