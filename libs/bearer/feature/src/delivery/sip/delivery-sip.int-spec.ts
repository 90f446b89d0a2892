// delivery-sip on real Kafka through the real Kamailio (seed §S7 vs the prior art): a MESSAGE to
// one device's GRUU reaches that device only, one to the AOR reaches all, an unknown GRUU is
// undeliverable (404), an expired request never leaves.
import { randomUUID } from 'node:crypto';
import { getHeader, getHeaders } from '@waken/bearer-sip';
import { DeliveryReportedV1, DeliverySipRequestedV1 } from '@waken/contracts';
import { DEFAULT_KAFKA_SETTINGS, MessageBus, TopicTap } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { RunningService, runService, testPlatformConfig } from '@waken/platform-runtime';
import { TEST_KAFKA_BROKERS, stayFalse, uniqueTopicPrefix, waitFor } from '@waken/testing';
import { DEFAULT_DELIVERY_POLICY, DELIVERY_KAFKA_TUNING } from '../common/delivery-policy';
import { SipDevice, kamailioPeer } from '../testing/sip-device';
import { DeliverySipFeatureModule } from './delivery-sip-feature.module';

const prefix = uniqueTopicPrefix('delivery-sip');
const aor = `sip:+43-8323546-${randomUUID().slice(0, 8)}@example.com`;
const inAMinute = () => new Date(Date.now() + 60_000).toISOString();

describe('delivery-sip over real Kafka and Kamailio', () => {
  let service: RunningService;
  let bus: MessageBus;
  let tap: TopicTap;
  let devices: SipDevice[] = [];
  const counts = () => devices.map((d) => d.inbox.length);
  const reportOf = (sirId: string) => tap.of<DeliveryReportedV1>(DeliveryReportedV1).find((r) => r.payload.sirId === sirId)?.payload;
  const request = (sirId: string, requestUri: string, body = 'SIR'): DeliverySipRequestedV1 => ({
    ...DeliverySipRequestedV1.example,
    sirId,
    requestUri,
    expiresAt: inAMinute(),
    headers: { 'X-Waken-Device-Id': requestUri },
    contentType: 'application/vnd.waken.sir+json',
    bodyBase64: Buffer.from(body).toString('base64'),
  });
  const publish = (...requests: DeliverySipRequestedV1[]) => bus.publish(DeliverySipRequestedV1, requests.map((payload) => ({ key: aor, payload })));

  beforeAll(async () => {
    devices = await Promise.all(['127.0.0.2', '127.0.0.3', '127.0.0.4'].map((host) => SipDevice.register(host, aor)));
    service = await runService({
      platform: testPlatformConfig('delivery-sip', prefix),
      feature: DeliverySipFeatureModule.forRoot({
        policy: { ...DEFAULT_DELIVERY_POLICY, initialBackoffMs: 50, maxBackoffMs: 200 },
        sip: { localHost: '127.0.0.1', localPort: 0, proxy: kamailioPeer(), from: 'sip:ppg@example.com', timerFMs: 8000, t1Ms: 500, maxInflight: 64 },
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
    await Promise.all(devices.map((d) => d.close()));
  });

  beforeEach(() => devices.forEach((d) => d.inbox.splice(0)));

  it('a MESSAGE to device 2 pub-gruu reaches device 2 only, reported delivered (seed §S7)', async () => {
    await publish({ ...request('sir-gruu', devices[1].pubGruu), acceptedAt: new Date().toISOString() });
    const report = await waitFor(() => reportOf('sir-gruu'), { what: 'the report' });
    expect(report).toMatchObject({ outcome: 'delivered', bearer: 'sip', attempt: 1, destination: devices[1].pubGruu, detail: '200 OK' });
    expect(Date.parse(report.onWireAt as string)).toBeGreaterThanOrEqual(Date.parse(report.acceptedAt as string));
    expect(counts()).toEqual([0, 1, 0]);
    const got = devices[1].inbox[0].request;
    expect(got.method).toBe('MESSAGE');
    expect(getHeader(got, 'To')).toContain(devices[1].pubGruu);
    expect(getHeader(got, 'Content-Type')).toBe('application/vnd.waken.sir+json');
    expect(getHeader(got, 'X-Waken-Device-Id')).toBe(devices[1].pubGruu);
    expect(Buffer.from(got.body).toString()).toBe('SIR');
    await stayFalse(() => counts()[0] + counts()[2] > 0, 500, 'another device received the targeted MESSAGE');
  });

  it('a MESSAGE to the AOR reaches all three devices (broadcast), reported delivered', async () => {
    await publish(request('sir-aor', aor));
    await waitFor(() => counts().every((n) => n === 1), { what: 'all three devices' });
    const report = await waitFor(() => reportOf('sir-aor'), { what: 'the report' });
    expect(report).toMatchObject({ outcome: 'delivered', destination: aor });
    expect(report.final).toBeUndefined();
  });

  it('an unknown GRUU is undeliverable with final: true (no fallbacks) and detail 404', async () => {
    await publish(request('sir-unknown', `${aor};gr=urn:uuid:${randomUUID()}`));
    const report = await waitFor(() => reportOf('sir-unknown'), { what: 'the report' });
    expect(report).toMatchObject({ outcome: 'undeliverable', final: true, attempt: 1 });
    expect(report.detail).toMatch(/^404 /);
    expect(counts()).toEqual([0, 0, 0]);
  });

  it('an expired request is reported expired and nothing is sent', async () => {
    await publish({ ...request('sir-expired', devices[0].pubGruu), expiresAt: new Date(Date.now() - 1000).toISOString() });
    const report = await waitFor(() => reportOf('sir-expired'), { what: 'the report' });
    expect(report).toMatchObject({ outcome: 'expired', final: true });
    expect(report.onWireAt).toBeUndefined();
    await stayFalse(() => counts().some((n) => n > 0), 300, 'a device received an expired request');
  });

  it('a request above 1300 bytes leaves over TCP (RFC 3261 §18.1.1) and still reaches its one device', async () => {
    await publish(request('sir-large', devices[2].pubGruu, 'x'.repeat(1600)));
    await waitFor(() => counts()[2] === 1, { what: 'device 3' });
    const vias = getHeaders(devices[2].inbox[0].request, 'Via');
    expect(vias[vias.length - 1]).toMatch(/^SIP\/2\.0\/TCP 127\.0\.0\.1:/);
    expect(await waitFor(() => reportOf('sir-large'), { what: 'the report' })).toMatchObject({ outcome: 'delivered' });
  });

  it('the same (sirId, destination) redelivered is sent once', async () => {
    const twice = request('sir-twice', devices[0].pubGruu);
    await publish(twice, twice);
    await waitFor(() => tap.of<DeliveryReportedV1>(DeliveryReportedV1).filter((r) => r.payload.sirId === 'sir-twice').length >= 1, { what: 'a report' });
    await stayFalse(() => counts()[0] > 1, 500, 'the device received the MESSAGE twice');
    expect(counts()).toEqual([1, 0, 0]);
  });
});
