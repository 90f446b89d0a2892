// Contract test: the SirComposedV1, DeliveryReportedV1 and SessionOpenedV1 examples go through the
// handlers (consumer side); every request they publish validates against its contract (producer side).
import { FallbackTracker } from '@waken/bearer-encapsulation';
import {
  DeliveryHttpRequestedV1,
  DeliveryReportedV1,
  DeliverySipRequestedV1,
  DeliverySmsRequestedV1,
  DeliveryUdpRequestedV1,
  SessionOpenedV1,
  SirComposedV1,
  type ActivationMethod,
} from '@waken/contracts';
import { RecordingPublisher, type EventEnvelope } from '@waken/platform-messaging';
import { ServiceMetrics, createLogger } from '@waken/platform-observability';
import { DeliveryRequestPublisher } from './delivery-request.publisher';
import { EncapsulatorHandler } from './encapsulator.handler';
import { EncapsulatorMetrics } from './encapsulator-metrics';
import type { EncapsulatorOptions } from './encapsulator.options';
import type { FallbackContext } from './fallback-context';
import { FallbackSweeper } from './fallback-sweeper';
import { SirDispatcher } from './sir-dispatcher';

const KEY = 'sip:+43-8323546@mobilkom.at';
const SMS: ActivationMethod = { bearer: 'sms', address: '+438323546' };
const UDP: ActivationMethod = { bearer: 'udp', address: '192.0.2.7:2948' };
const HTTP: ActivationMethod = { bearer: 'http', address: 'https://device.example.com/push' };
let offset = 0;
const envelope = <T>(payload: T, eventId = `ev-${++offset}`): EventEnvelope<T> => ({
  topic: 't',
  partition: 0,
  offset: String(offset),
  key: KEY,
  headers: { eventId, eventType: 'x', correlationId: 'corr-42', occurredAt: new Date().toISOString() },
  payload,
});
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const composed = (overrides: Partial<SirComposedV1> = {}): SirComposedV1 => ({
  ...SirComposedV1.example,
  sir: { ...SirComposedV1.example.sir, expiresAt: inAnHour() },
  ...overrides,
});

function setup(options: EncapsulatorOptions = { sessionDeadlineMs: 5000 }) {
  const publisher = new RecordingPublisher();
  const tracker = new FallbackTracker<FallbackContext>({ sessionDeadlineMs: options.sessionDeadlineMs, maxEntries: 100 });
  const logger = createLogger('test', 'silent');
  const metrics = new EncapsulatorMetrics(new ServiceMetrics('test', false));
  const dispatcher = new SirDispatcher(options, tracker, new DeliveryRequestPublisher(publisher), metrics, logger);
  return { publisher, tracker, handler: new EncapsulatorHandler(dispatcher, tracker), sweeper: new FallbackSweeper(options, tracker, dispatcher, logger) };
}

const failed = (overrides: Partial<DeliveryReportedV1> = {}): DeliveryReportedV1 => ({ ...DeliveryReportedV1.example, outcome: 'failed', final: false, ...overrides });

describe('EncapsulatorHandler (contract test)', () => {
  it('turns the SirComposedV1 example into a valid SIP MESSAGE request to its GRUU, with a deterministic id', async () => {
    const { publisher, handler } = setup();
    const input = envelope(composed({ fallbacks: [SMS] }));
    await handler.onComposed([input]);
    const [out] = publisher.of<DeliverySipRequestedV1>(DeliverySipRequestedV1);
    expect(publisher.published).toHaveLength(1);
    expect(DeliverySipRequestedV1.problems(out.payload)).toEqual([]);
    expect(out.payload).toMatchObject({ requestUri: SirComposedV1.example.activation.address, sirId: 'sir-0b6a2f1c', fallbacks: [SMS], contentType: 'application/vnd.waken.sir+json' });
    expect(out.payload.headers['X-Waken-Device-Id']).toBe('uuid; urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6');
    expect(out.key).toBe(KEY);
    expect(out.causation?.headers.eventId).toBe(input.headers.eventId);
    const again = setup();
    await again.handler.onComposed([envelope(input.payload)]);
    expect(again.publisher.published[0].event.eventId).toBe(out.eventId);
  });

  it.each([
    [SMS, DeliverySmsRequestedV1],
    [UDP, DeliveryUdpRequestedV1],
    [HTTP, DeliveryHttpRequestedV1],
  ])('publishes an activation on %j on its own topic', async (activation, contract) => {
    const { publisher, handler } = setup();
    await handler.onComposed([envelope(composed({ activation }))]);
    const [out] = publisher.of(contract);
    expect(contract.problems(out.payload)).toEqual([]);
    expect(publisher.published).toHaveLength(1);
  });

  it('never publishes an expired SIR', async () => {
    const { publisher, handler } = setup();
    await handler.onComposed([envelope({ ...SirComposedV1.example, sir: { ...SirComposedV1.example.sir, expiresAt: '2020-01-01T00:00:00.000Z' } })]);
    expect(publisher.published).toEqual([]);
  });

  it('a failed attempt with fallbacks left: the next method under one event id, whatever the redeliveries', async () => {
    const { publisher, handler } = setup();
    await handler.onComposed([envelope(composed({ fallbacks: [SMS, UDP] }))]);
    const report = envelope(failed(), 'report-1');
    await handler.onReported([report]);
    await handler.onReported([report]);
    const sms = publisher.of<DeliverySmsRequestedV1>(DeliverySmsRequestedV1);
    expect(sms.map((e) => e.payload.fallbacks)).toEqual([[UDP], [UDP]]);
    expect(sms[0].eventId).toBe(sms[1].eventId);
    expect(sms[0].causation?.headers.eventId).toBe('report-1');
    await handler.onReported([envelope(failed({ bearer: 'sms', destination: SMS.address, final: false }))]);
    expect(publisher.of<DeliveryUdpRequestedV1>(DeliveryUdpRequestedV1)[0].payload.fallbacks).toEqual([]);
  });

  it('final, delivered and unknown reports (the DeliveryReportedV1 example) publish nothing', async () => {
    const { publisher, handler } = setup();
    await handler.onComposed([envelope(composed({ fallbacks: [SMS] }))]);
    await handler.onReported([envelope(DeliveryReportedV1.example), envelope(failed({ final: true })), envelope(failed({ sirId: 'sir-unknown' }))]);
    expect(publisher.published).toHaveLength(1);
  });

  it('a delivered SIR whose target opens no session by the deadline falls back; a session stops it', async () => {
    const { publisher, handler, sweeper } = setup({ sessionDeadlineMs: 5000 });
    await handler.onComposed([envelope(composed({ fallbacks: [SMS] }))]);
    await handler.onReported([envelope(DeliveryReportedV1.example)]);
    await sweeper.sweep(new Date(Date.now() + 1000));
    expect(publisher.of(DeliverySmsRequestedV1)).toHaveLength(0);
    await sweeper.sweep(new Date(Date.now() + 6000));
    expect(publisher.of(DeliverySmsRequestedV1)).toHaveLength(1);

    const other = setup({ sessionDeadlineMs: 5000 });
    await other.handler.onComposed([envelope(composed({ fallbacks: [SMS] }))]);
    await other.handler.onReported([envelope(DeliveryReportedV1.example)]);
    other.handler.onSessionOpened([envelope(SessionOpenedV1.example)]);
    await other.sweeper.sweep(new Date(Date.now() + 6000));
    expect(other.publisher.of(DeliverySmsRequestedV1)).toHaveLength(0);
    expect(other.tracker.size).toBe(0);
  });

  it('skips an unusable method, and reports undeliverable (final) when none is usable', async () => {
    const { publisher, handler } = setup();
    await handler.onComposed([envelope(composed({ activation: { bearer: 'sms', address: 'not-e164' }, fallbacks: [UDP] }))]);
    expect(publisher.of<DeliveryUdpRequestedV1>(DeliveryUdpRequestedV1)).toHaveLength(1);
    await handler.onComposed([envelope(composed({ activation: { bearer: 'http', address: 'ftp://x' }, fallbacks: [] }))]);
    const [report] = publisher.of<DeliveryReportedV1>(DeliveryReportedV1);
    expect(DeliveryReportedV1.problems(report.payload)).toEqual([]);
    expect(report.payload).toMatchObject({ outcome: 'undeliverable', final: true, bearer: 'http', sirId: 'sir-0b6a2f1c' });
  });
});
