// Contract test: the DeliverySipRequestedV1 example through the handler (consumer side); every
// report it publishes validates against DeliveryReportedV1 (producer side).
import { DeliveryReportedV1, DeliverySipRequestedV1 } from '@waken/contracts';
import { ScriptedAdapter, delivered, transient, undeliverable } from '../testing/scripted-adapter';
import { deliveryEnvelope, inAnHour } from '../testing/delivery-envelope';
import { handlerKit } from '../testing/handler-kit';
import { DeliverySipHandler } from './delivery-sip.handler';

type Sip = DeliverySipRequestedV1;
const example = (): Sip => ({ ...DeliverySipRequestedV1.example, expiresAt: inAnHour() });

function handler(steps: ConstructorParameters<typeof ScriptedAdapter>[1]) {
  const kit = handlerKit();
  const adapter = new ScriptedAdapter<Sip>('sip', steps, (r) => r.requestUri);
  return { ...kit, adapter, handler: new DeliverySipHandler(kit.factory, { policy: kit.policy, sip: {} as never }, adapter) };
}

const reports = (t: ReturnType<typeof handler>) => t.publisher.of<DeliveryReportedV1>(DeliveryReportedV1).map((e) => e.payload);

describe('DeliverySipHandler (contract test)', () => {
  it('turns the example into one MESSAGE and one valid delivered report', async () => {
    const t = handler([delivered()]);
    const request = { ...example(), acceptedAt: '2026-11-26T10:00:00Z' };
    await t.handler.onRequested([deliveryEnvelope(request)]);
    expect(t.adapter.calls.map((c) => c.request)).toEqual([request]);
    const [report] = reports(t);
    expect(DeliveryReportedV1.problems(report)).toEqual([]);
    expect(report).toMatchObject({ bearer: 'sip', outcome: 'delivered', attempt: 1, destination: request.requestUri, sirId: request.sirId, acceptedAt: request.acceptedAt });
    expect(report.onWireAt).toBeDefined();
  });

  it('404 for an unknown GRUU: undeliverable, final without fallbacks, not retried', async () => {
    const t = handler([undeliverable('404 Not Found')]);
    await t.handler.onRequested([deliveryEnvelope(example())]);
    expect(reports(t)).toEqual([expect.objectContaining({ outcome: 'undeliverable', final: true, detail: '404 Not Found' })]);
    expect(t.adapter.calls).toHaveLength(1);
  });

  it('a 503 is retried, and with a fallback left the failure is not final', async () => {
    const t = handler([transient('503 Service Unavailable')]);
    const request = { ...example(), fallbacks: [{ bearer: 'sms' as const, address: '+438323546' }] };
    await t.handler.onRequested([deliveryEnvelope(request)]);
    expect(t.adapter.calls).toHaveLength(t.policy.maxAttempts);
    expect(reports(t)).toEqual([expect.objectContaining({ outcome: 'failed', final: false, attempt: t.policy.maxAttempts })]);
  });

  it('an expired request is reported expired and never transmitted', async () => {
    const t = handler([delivered()]);
    await t.handler.onRequested([deliveryEnvelope({ ...example(), expiresAt: '2020-01-01T00:00:00Z' })]);
    expect(t.adapter.calls).toHaveLength(0);
    const [report] = reports(t);
    expect(report).toMatchObject({ outcome: 'expired', final: true });
    expect(report.onWireAt).toBeUndefined();
    expect(DeliveryReportedV1.problems(report)).toEqual([]);
  });

  it('a redelivered record is not sent twice', async () => {
    const t = handler([delivered()]);
    const record = deliveryEnvelope(example());
    await t.handler.onRequested([record]);
    await t.handler.onRequested([record]);
    expect(t.adapter.calls).toHaveLength(1);
  });
});
