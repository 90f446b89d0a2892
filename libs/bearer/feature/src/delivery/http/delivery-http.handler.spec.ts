// Contract test: the DeliveryHttpRequestedV1 example through the handler with a fake bearer;
// every report validates against DeliveryReportedV1.
import { DeliveryHttpRequestedV1, DeliveryReportedV1 } from '@waken/contracts';
import { deliveryEnvelope, inAnHour } from '../testing/delivery-envelope';
import { handlerKit } from '../testing/handler-kit';
import { ScriptedAdapter, delivered, transient, undeliverable } from '../testing/scripted-adapter';
import { DeliveryHttpHandler } from './delivery-http.handler';

type Http = DeliveryHttpRequestedV1;

function setup(steps: ConstructorParameters<typeof ScriptedAdapter>[1]) {
  const kit = handlerKit();
  const adapter = new ScriptedAdapter<Http>('http', steps, (r) => r.url);
  const handler = new DeliveryHttpHandler(kit.factory, { policy: kit.policy, http: {} as never }, adapter);
  return { ...kit, adapter, handler, reports: () => kit.publisher.of<DeliveryReportedV1>(DeliveryReportedV1).map((e) => e.payload) };
}

const example = (): Http => ({ ...DeliveryHttpRequestedV1.example, expiresAt: inAnHour() });

describe('DeliveryHttpHandler (contract test)', () => {
  it('reports the example delivered, valid against the contract', async () => {
    const t = setup([delivered()]);
    await t.handler.onRequested([deliveryEnvelope(example())]);
    const [report] = t.reports();
    expect(report).toMatchObject({ bearer: 'http', outcome: 'delivered', destination: example().url });
    expect(DeliveryReportedV1.problems(report)).toEqual([]);
  });

  it('503 then 200: one report, delivered on attempt 2', async () => {
    const t = setup([transient('503 Service Unavailable'), delivered()]);
    await t.handler.onRequested([deliveryEnvelope(example())]);
    expect(t.reports()).toEqual([expect.objectContaining({ outcome: 'delivered', attempt: 2 })]);
  });

  it('404 is undeliverable at once, final without fallbacks', async () => {
    const t = setup([undeliverable('404 Not Found')]);
    await t.handler.onRequested([deliveryEnvelope(example())]);
    expect(t.adapter.calls).toHaveLength(1);
    expect(t.reports()).toEqual([expect.objectContaining({ outcome: 'undeliverable', final: true })]);
  });
});
