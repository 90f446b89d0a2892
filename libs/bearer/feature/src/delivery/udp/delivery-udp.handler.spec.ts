// Contract test: the DeliveryUdpRequestedV1 example through the handler with a fake bearer;
// the report validates against DeliveryReportedV1.
import { DeliveryReportedV1, DeliveryUdpRequestedV1 } from '@waken/contracts';
import { deliveryEnvelope, inAnHour } from '../testing/delivery-envelope';
import { handlerKit } from '../testing/handler-kit';
import { ScriptedAdapter, transient } from '../testing/scripted-adapter';
import { DeliveryUdpHandler } from './delivery-udp.handler';

type Udp = DeliveryUdpRequestedV1;
const sent = () => ({ kind: 'sent' as const, detail: 'copy 1 of 3', onWireAt: new Date() });

function setup(steps: ConstructorParameters<typeof ScriptedAdapter>[1]) {
  const kit = handlerKit();
  const adapter = new ScriptedAdapter<Udp>('udp', steps, (r) => `${r.host}:${r.port}`);
  const handler = new DeliveryUdpHandler(kit.factory, { policy: kit.policy, udp: {} as never }, adapter);
  return { ...kit, adapter, handler, reports: () => kit.publisher.of<DeliveryReportedV1>(DeliveryReportedV1).map((e) => e.payload) };
}

describe('DeliveryUdpHandler (contract test)', () => {
  it('reports the example sent (no acknowledgement on UDP), valid against the contract', async () => {
    const t = setup([sent()]);
    await t.handler.onRequested([deliveryEnvelope({ ...DeliveryUdpRequestedV1.example, expiresAt: inAnHour() })]);
    const [report] = t.reports();
    expect(report).toMatchObject({ bearer: 'udp', outcome: 'sent', destination: '127.0.0.1:2948', attempt: 1 });
    expect(DeliveryReportedV1.problems(report)).toEqual([]);
  });

  it('retries a socket error, then reports sent on the attempt that went out', async () => {
    const t = setup([transient('ENETUNREACH'), sent()]);
    await t.handler.onRequested([deliveryEnvelope({ ...DeliveryUdpRequestedV1.example, expiresAt: inAnHour() })]);
    expect(t.reports()).toEqual([expect.objectContaining({ outcome: 'sent', attempt: 2 })]);
  });
});
