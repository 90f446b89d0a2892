// The encapsulator on the real broker: composed SIRs in, per-bearer delivery requests out; a failed
// attempt and a missing session each bring the next activation method (seed §S6, §S2).
import { decodeWapPushOverSms, decodeWspPush } from '@waken/bearer-wsp';
import {
  DeliveryHttpRequestedV1,
  DeliveryReportedV1,
  DeliverySipRequestedV1,
  DeliverySmsRequestedV1,
  DeliveryUdpRequestedV1,
  SessionOpenedV1,
  SirComposedV1,
  type ActivationMethod,
  type SirRequestedV1,
} from '@waken/contracts';
import { DEFAULT_KAFKA_SETTINGS, MessageBus, TopicTap } from '@waken/platform-messaging';
import { createLogger } from '@waken/platform-observability';
import { runService, testPlatformConfig, type RunningService } from '@waken/platform-runtime';
import { composeSir, decodeSia, encodeSia, ipv4ContactPoint } from '@waken/sir-domain';
import { TEST_KAFKA_BROKERS, stayFalse, uniqueTopicPrefix, waitFor } from '@waken/testing';
import { EncapsulatorFeatureModule } from './encapsulator-feature.module';

const prefix = uniqueTopicPrefix('encapsulator');
const AOR = 'sip:+43-8323546@example.com';
const GRUU = `${AOR};gr=urn:uuid:00000000-0000-4000-8000-000000000001`;
const SMS: ActivationMethod = { bearer: 'sms', address: '+438323546' };
const UDP: ActivationMethod = { bearer: 'udp', address: '127.0.0.1:2948' };
const HTTP: ActivationMethod = { bearer: 'http', address: 'http://127.0.0.1:8085/push' };

function composed(pushId: string, activation: ActivationMethod, fallbacks: ActivationMethod[]): SirComposedV1 {
  const request: SirRequestedV1 = {
    tenantId: 'mobilkom', pushId, sirRequestId: `${pushId}#c1`, mode: 'targeted', publicUserIdentity: AOR, targetClientIds: ['c1'],
    deviceIdentity: { kind: 'gruu', value: GRUU }, activation, fallbacks, instructions: ['return-capabilities'], expiresAt: new Date(Date.now() + 600_000).toISOString(),
  };
  const now = new Date();
  const sir = composeSir(request, { ppgAddress: 'sip:ppg@127.0.0.1:5070', now, ttlMs: 300_000, nonce: () => `nonce-${pushId}-0000`, master: new Uint8Array(32).fill(3) });
  const siaBase64 = Buffer.from(encodeSia(sir, { contactPoints: [ipv4ContactPoint('127.0.0.1', 5070)] })).toString('base64');
  return { tenantId: 'mobilkom', pushId, targetClientIds: ['c1'], sir, siaBase64, activation, fallbacks, composedAt: now.toISOString() };
}

describe('encapsulator service over real Kafka', () => {
  let service: RunningService;
  let bus: MessageBus;
  let tap: TopicTap;

  beforeAll(async () => {
    service = await runService({
      platform: testPlatformConfig('encapsulator', prefix),
      feature: EncapsulatorFeatureModule.forRoot({ sessionDeadlineMs: 1500, sweepIntervalMs: 100 }),
      http: true,
      transport: { kind: 'kafka' },
    });
    bus = new MessageBus({ ...DEFAULT_KAFKA_SETTINGS, brokers: TEST_KAFKA_BROKERS, clientId: 'peer', groupId: 'peer', topicPrefix: prefix }, createLogger('test', 'error'));
    await bus.connect();
    tap = await TopicTap.start(TEST_KAFKA_BROKERS, prefix, [DeliverySipRequestedV1, DeliverySmsRequestedV1, DeliveryUdpRequestedV1, DeliveryHttpRequestedV1]);
  });

  afterAll(async () => {
    await tap?.stop();
    await bus?.disconnect();
    await service?.close();
  });

  const of = <T extends { pushId: string }>(def: Parameters<TopicTap['of']>[0], pushId: string) => tap.of<T>(def).filter((e) => e.payload.pushId === pushId);

  it('a composed SIR in: the request for its activation bearer out, carrying the same SIR', async () => {
    const inputs = [composed('p-sip', { bearer: 'sip', address: AOR }, [SMS]), composed('p-sms', SMS, []), composed('p-udp', UDP, []), composed('p-http', HTTP, [])];
    await bus.publish(SirComposedV1, inputs.map((payload) => ({ key: AOR, payload })));
    const [sip] = await waitFor(() => of<DeliverySipRequestedV1>(DeliverySipRequestedV1, 'p-sip').length > 0 && of<DeliverySipRequestedV1>(DeliverySipRequestedV1, 'p-sip'), { what: 'SIP request' });
    expect(sip.payload).toMatchObject({ requestUri: GRUU, fallbacks: [SMS], headers: { 'X-Waken-Device-Id': `gruu; ${GRUU}` } });
    const [sms] = await waitFor(() => of<DeliverySmsRequestedV1>(DeliverySmsRequestedV1, 'p-sms').length > 0 && of<DeliverySmsRequestedV1>(DeliverySmsRequestedV1, 'p-sms'), { what: 'SMS request' });
    const viaSms = decodeWapPushOverSms(sms.payload.segments.map((s) => Buffer.from(s, 'base64'))).wsp;
    expect(decodeSia(viaSms.body).sir).toEqual(inputs[1].sir);
    const [udp] = await waitFor(() => of<DeliveryUdpRequestedV1>(DeliveryUdpRequestedV1, 'p-udp').length > 0 && of<DeliveryUdpRequestedV1>(DeliveryUdpRequestedV1, 'p-udp'), { what: 'UDP request' });
    expect(udp.payload).toMatchObject({ host: '127.0.0.1', port: 2948 });
    expect(decodeWspPush(Buffer.from(udp.payload.datagramBase64, 'base64')).applicationId).toBe('x-wap-application:push.sia');
    await waitFor(() => of(DeliveryHttpRequestedV1, 'p-http').length > 0, { what: 'HTTP request' });
    expect(sip.headers.correlationId).toBeTruthy();
  });

  it('a failed attempt with a fallback left: the fallback request out', async () => {
    const input = composed('p-fail', { bearer: 'sip', address: GRUU }, [SMS, UDP]);
    await bus.publish(SirComposedV1, [{ key: AOR, payload: input }]);
    await waitFor(() => of(DeliverySipRequestedV1, 'p-fail').length > 0, { what: 'first request' });
    const report: DeliveryReportedV1 = {
      tenantId: 'mobilkom', pushId: 'p-fail', sirId: input.sir.sirId, kind: 'sir', bearer: 'sip', destination: GRUU, attempt: 1,
      outcome: 'undeliverable', detail: '480 Temporarily Unavailable', final: false, targetClientIds: ['c1'], reportedAt: new Date().toISOString(),
    };
    await bus.publish(DeliveryReportedV1, [{ key: AOR, payload: report }]);
    const [sms] = await waitFor(() => of<DeliverySmsRequestedV1>(DeliverySmsRequestedV1, 'p-fail').length > 0 && of<DeliverySmsRequestedV1>(DeliverySmsRequestedV1, 'p-fail'), { what: 'fallback SMS request' });
    expect(sms.payload).toMatchObject({ msisdn: SMS.address, fallbacks: [UDP], sirId: input.sir.sirId });
  });

  it('a delivered SIR whose client opens no session falls back after the deadline; one that does, does not', async () => {
    const silent = composed('p-silent', { bearer: 'sip', address: GRUU }, [UDP]);
    const woken = composed('p-woken', { bearer: 'sip', address: GRUU }, [UDP]);
    await bus.publish(SirComposedV1, [silent, woken].map((payload) => ({ key: AOR, payload })));
    await waitFor(() => of(DeliverySipRequestedV1, 'p-silent').length > 0 && of(DeliverySipRequestedV1, 'p-woken').length > 0, { what: 'first requests' });
    const delivered = (c: SirComposedV1): DeliveryReportedV1 => ({
      tenantId: 'mobilkom', pushId: c.pushId, sirId: c.sir.sirId, kind: 'sir', bearer: 'sip', destination: GRUU, attempt: 1, outcome: 'delivered', targetClientIds: ['c1'], reportedAt: new Date().toISOString(),
    });
    await bus.publish(DeliveryReportedV1, [silent, woken].map((c) => ({ key: AOR, payload: delivered(c) })));
    const opened: SessionOpenedV1 = { ...SessionOpenedV1.example, clientId: 'c-unrelated', sirId: woken.sir.sirId, publicUserIdentity: AOR };
    await bus.publish(SessionOpenedV1, [{ key: AOR, payload: opened }]);
    await waitFor(() => of(DeliveryUdpRequestedV1, 'p-silent').length > 0, { what: 'fallback after the session deadline', timeoutMs: 15_000 });
    // a fallback for p-woken would fall due in the same sweep and may be read just after p-silent's
    await stayFalse(() => of(DeliveryUdpRequestedV1, 'p-woken').length > 0, 500, 'a fallback for the woken SIR');
    expect(of(DeliveryUdpRequestedV1, 'p-woken')).toHaveLength(0);
  });
});
