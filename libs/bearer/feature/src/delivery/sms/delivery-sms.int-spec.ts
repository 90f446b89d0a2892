// delivery-sms on real Kafka against the npm `smpp` server: WAP push segments arrive with UDHI
// and 8-bit data coding, the bind's throughput cap holds, and receipts become reports.
import { toWapPushSegments, encodeWspPush } from '@waken/bearer-wsp';
import { DeliveryReportedV1, DeliverySmsRequestedV1 } from '@waken/contracts';
import { DEFAULT_KAFKA_SETTINGS, MessageBus, TopicTap } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { RunningService, runService, testPlatformConfig } from '@waken/platform-runtime';
import { TEST_KAFKA_BROKERS, uniqueTopicPrefix, waitFor } from '@waken/testing';
import { DEFAULT_DELIVERY_POLICY, DELIVERY_KAFKA_TUNING } from '../common/delivery-policy';
import { NpmSmppServer } from '../testing/npm-smpp-server';
import { DeliverySmsFeatureModule } from './delivery-sms-feature.module';

const prefix = uniqueTopicPrefix('delivery-sms');
const RATE = 20;

/** A WSP push big enough for `parts` segments (wsp-wdp-sms.md §3: 128 octets each). */
function segments(parts: number, reference: number): string[] {
  const pdu = encodeWspPush({ tid: 1, pduType: 'push', contentType: { type: 'application/vnd.wap.sia' }, applicationId: 'x-wap-application:push.sia', body: new Uint8Array(128 * parts - 40).fill(0x5a) });
  return toWapPushSegments(pdu, { reference }).map((s) => Buffer.from(s).toString('base64'));
}

/** npm smpp splits a UDHI short_message into IEs and the rest; put the octets back together. */
function octets(pdu: Record<string, unknown>): string {
  const sm = pdu.short_message as { udh: Buffer[]; message: Buffer };
  const ies = Buffer.concat(sm.udh);
  return Buffer.concat([Buffer.from([ies.length]), ies, sm.message]).toString('base64');
}

describe('delivery-sms over real Kafka against an SMPP server', () => {
  let smsc: NpmSmppServer;
  let service: RunningService;
  let bus: MessageBus;
  let tap: TopicTap;
  const reportsOf = (sirId: string) => tap.of<DeliveryReportedV1>(DeliveryReportedV1).filter((r) => r.payload.sirId === sirId).map((r) => r.payload);
  const request = (sirId: string, segs: string[]): DeliverySmsRequestedV1 => ({
    ...DeliverySmsRequestedV1.example, sirId, segments: segs, expiresAt: new Date(Date.now() + 60_000).toISOString(),
  });
  const publish = (...requests: DeliverySmsRequestedV1[]) => bus.publish(DeliverySmsRequestedV1, requests.map((payload) => ({ key: payload.msisdn, payload })));

  beforeAll(async () => {
    smsc = new NpmSmppServer();
    const port = await smsc.start();
    service = await runService({
      platform: testPlatformConfig('delivery-sms', prefix),
      feature: DeliverySmsFeatureModule.forRoot({
        policy: { ...DEFAULT_DELIVERY_POLICY, initialBackoffMs: 50, maxBackoffMs: 200 },
        smpp: { host: '127.0.0.1', port, systemId: 'waken', password: 'secret', window: 10, messagesPerSecond: RATE, sourceAddr: 'Waken' },
        receiptGraceMs: 60_000,
        receiptCapacity: 1000,
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
    await smsc?.stop();
  });

  it('submits every segment with UDHI (esm_class 0x40), data_coding 4 and registered delivery, then reports sent', async () => {
    const segs = segments(3, 0x2a);
    await publish({ ...request('sir-3', segs), acceptedAt: new Date().toISOString() });
    const [sent] = await waitFor(() => reportsOf('sir-3').length > 0 && reportsOf('sir-3'), { what: 'the sent report' });
    expect(sent).toMatchObject({ outcome: 'sent', bearer: 'sms', attempt: 1, destination: '+438323546' });
    expect(sent.onWireAt).toBeDefined();
    expect(smsc.submits.map((s) => octets(s.pdu))).toEqual(segs);
    for (const { pdu } of smsc.submits) {
      expect(pdu).toMatchObject({ esm_class: 0x40, data_coding: 4, registered_delivery: 1, destination_addr: '438323546', source_addr: 'Waken' });
    }
  });

  it('a DELIVRD receipt for every segment becomes a delivered report for the same attempt', async () => {
    for (const s of smsc.submits.slice(0, 3)) await smsc.sendReceipt(s.messageId, 'DELIVRD', 2);
    const delivered = await waitFor(() => reportsOf('sir-3').find((r) => r.outcome === 'delivered'), { what: 'the delivered report' });
    expect(delivered).toMatchObject({ attempt: 1, detail: 'DELIVRD (3 of 3 segments)' });
    expect(DeliveryReportedV1.problems(delivered)).toEqual([]);
  });

  it('an UNDELIV receipt becomes an undeliverable report, final with no fallbacks', async () => {
    const before = smsc.submits.length;
    await publish(request('sir-undeliv', segments(1, 0x2b)));
    await waitFor(() => reportsOf('sir-undeliv').length > 0, { what: 'the sent report' });
    await smsc.sendReceipt(smsc.submits[before].messageId, 'UNDELIV', 5);
    expect(await waitFor(() => reportsOf('sir-undeliv').find((r) => r.outcome !== 'sent'), { what: 'the receipt report' })).toMatchObject({ outcome: 'undeliverable', final: true });
  });

  it(`keeps the bind under its throughput cap (${RATE} segments/s) across a batch`, async () => {
    const before = smsc.submits.length;
    const requests = Array.from({ length: 8 }, (_, i) => request(`sir-rate-${i}`, segments(4, 0x30 + i)));
    await publish(...requests);
    await waitFor(() => smsc.submits.length - before === 32, { what: '32 submits', timeoutMs: 30_000 });
    const times = smsc.submits.slice(before).map((s) => s.at);
    const spread = times[times.length - 1] - times[0];
    console.log(`32 segments at ${RATE} msg/s: ${spread} ms from first to last submit_sm`);
    // 31 intervals at 50 ms, minus one burst token
    expect(spread).toBeGreaterThanOrEqual(((32 - 2) * 1000) / RATE - 50);
    await waitFor(() => requests.every((r) => reportsOf(r.sirId).length === 1), { what: 'eight sent reports' });
  });
});
