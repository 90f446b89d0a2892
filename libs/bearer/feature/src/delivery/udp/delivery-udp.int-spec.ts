// delivery-udp on real Kafka into a test UDP socket; and the isolation of the delivery apps:
// starting delivery-udp consumes only its own topic, under its own group, and touches no other
// bearer's requests.
import { createSocket, Socket } from 'node:dgram';
import { AssignerProtocol, Kafka, logLevel } from 'kafkajs';
import { DeliveryHttpRequestedV1, DeliveryReportedV1, DeliverySipRequestedV1, DeliverySmsRequestedV1, DeliveryUdpRequestedV1 } from '@waken/contracts';
import { DEFAULT_KAFKA_SETTINGS, MessageBus, TopicTap } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { RunningService, runService, testPlatformConfig } from '@waken/platform-runtime';
import { TEST_KAFKA_BROKERS, stayFalse, uniqueTopicPrefix, waitFor } from '@waken/testing';
import { DEFAULT_DELIVERY_POLICY, DELIVERY_KAFKA_TUNING } from '../common/delivery-policy';
import { DeliveryUdpFeatureModule } from './delivery-udp-feature.module';

const prefix = uniqueTopicPrefix('delivery-udp');
const key = 'sip:+43-8323546@example.com';

describe('delivery-udp over real Kafka', () => {
  let device: Socket;
  const datagrams: Buffer[] = [];
  let service: RunningService;
  let bus: MessageBus;
  let tap: TopicTap;
  const reports = () => tap.of<DeliveryReportedV1>(DeliveryReportedV1).map((r) => r.payload);
  const expiresAt = () => new Date(Date.now() + 60_000).toISOString();

  beforeAll(async () => {
    device = createSocket('udp4');
    device.on('message', (b) => datagrams.push(b));
    await new Promise<void>((resolve) => device.bind(0, '127.0.0.1', resolve));
    service = await runService({
      platform: testPlatformConfig('delivery-udp', prefix),
      feature: DeliveryUdpFeatureModule.forRoot({
        policy: DEFAULT_DELIVERY_POLICY,
        udp: { localHost: '127.0.0.1', localPort: 0, transmissions: 2, repeatIntervalMs: 50 },
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
    await new Promise<void>((resolve) => device.close(() => resolve()));
  });

  it('sends the datagram to the device (twice, as configured) and reports sent', async () => {
    const payload = { ...DeliveryUdpRequestedV1.example, sirId: 'sir-udp', port: device.address().port, expiresAt: expiresAt() };
    await bus.publish(DeliveryUdpRequestedV1, [{ key, payload }]);
    const report = await waitFor(() => reports().find((r) => r.sirId === 'sir-udp'), { what: 'the report' });
    expect(report).toMatchObject({ outcome: 'sent', bearer: 'udp', destination: `127.0.0.1:${payload.port}` });
    await waitFor(() => datagrams.length === 2, { what: 'two copies' });
    expect(datagrams[0].toString('base64')).toBe(payload.datagramBase64);
  });

  it('consumes only its own topic, in its own group: other bearers’ requests stay untouched', async () => {
    await bus.publish(DeliverySipRequestedV1, [{ key, payload: { ...DeliverySipRequestedV1.example, sirId: 'sir-other-sip', expiresAt: expiresAt() } }]);
    await bus.publish(DeliverySmsRequestedV1, [{ key, payload: { ...DeliverySmsRequestedV1.example, sirId: 'sir-other-sms', expiresAt: expiresAt() } }]);
    await bus.publish(DeliveryHttpRequestedV1, [{ key, payload: { ...DeliveryHttpRequestedV1.example, sirId: 'sir-other-http', expiresAt: expiresAt() } }]);
    const kafka = new Kafka({ clientId: `${prefix}admin`, brokers: TEST_KAFKA_BROKERS, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const groups = (await admin.listGroups()).groups.map((g) => g.groupId).filter((g) => g.startsWith(prefix) && !g.startsWith(`${prefix}tap`));
      expect(groups).toEqual([`${prefix}delivery-udp`]);
      const [group] = (await admin.describeGroups([`${prefix}delivery-udp`])).groups;
      const topics = group.members.flatMap((m) => Object.keys(AssignerProtocol.MemberAssignment.decode(m.memberAssignment)?.assignment ?? {}));
      expect([...new Set(topics)]).toEqual([`${prefix}${DeliveryUdpRequestedV1.topic}`]);
    } finally {
      await admin.disconnect();
    }
    await stayFalse(() => reports().some((r) => r.sirId.startsWith('sir-other')), 1500, 'delivery-udp reported another bearer’s request');
  });

  it('keeps up with a burst: 10,000 requests reported, each sent once', async () => {
    const n = 10_000;
    const port = device.address().port;
    datagrams.splice(0);
    const started = Date.now();
    const requests = Array.from({ length: n }, (_, i) => ({ key: `sip:+43-${i % 500}@example.com`, payload: { ...DeliveryUdpRequestedV1.example, sirId: `sir-burst-${i}`, port, expiresAt: expiresAt() } }));
    for (let i = 0; i < n; i += 2000) await bus.publish(DeliveryUdpRequestedV1, requests.slice(i, i + 2000));
    const burst = () => tap.of<DeliveryReportedV1>(DeliveryReportedV1).filter((r) => r.payload.sirId.startsWith('sir-burst-'));
    await waitFor(() => new Set(burst().map((r) => r.payload.sirId)).size === n, { what: `${n} reports`, timeoutMs: 90_000 });
    const seconds = (Date.now() - started) / 1000;
    console.log(`delivery-udp: ${n} requests published, transmitted and reported in ${seconds.toFixed(1)} s (${Math.round(n / seconds)}/s, one process, 4 partitions)`);
    // at least once: a report seen twice is the same event (same event id), so consumers dedupe it
    const eventIds = new Map<string, Set<string>>();
    for (const r of burst()) eventIds.set(r.payload.sirId, (eventIds.get(r.payload.sirId) ?? new Set<string>()).add(r.headers.eventId));
    expect([...eventIds.values()].filter((ids) => ids.size !== 1)).toEqual([]);
  });
});
