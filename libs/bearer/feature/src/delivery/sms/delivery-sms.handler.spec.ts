// Contract test: the DeliverySmsRequestedV1 example through the handler with a fake SMS bearer;
// the sent report and the receipt report both validate against DeliveryReportedV1.
import { DeliveryReportedV1, DeliverySmsRequestedV1 } from '@waken/contracts';
import { createLogger } from '@waken/platform-observability';
import { AttemptResult } from '../common/delivery-attempt-loop';
import { TransmissionOutcome, TransmitContext } from '../common/delivery-request';
import { deliveryEnvelope, inAnHour } from '../testing/delivery-envelope';
import { handlerKit } from '../testing/handler-kit';
import { ScriptedAdapter } from '../testing/scripted-adapter';
import { DeliverySmsHandler } from './delivery-sms.handler';
import { SmsBearer } from './sms-delivery.adapter';
import { AwaitedPush, ReceiptListener } from './sms-receipt-tracker';

type Sms = DeliverySmsRequestedV1;

/** Answers `sent` and remembers the push, so the spec can play the receipt. */
class FakeSmsBearer extends ScriptedAdapter<Sms> implements SmsBearer {
  listener?: ReceiptListener;
  readonly submitted: AwaitedPush[] = [];
  constructor() {
    super('sms', [async (): Promise<TransmissionOutcome> => ({ kind: 'sent', detail: 'submit_sm_resp smsc-1', onWireAt: new Date() })], (r) => r.msisdn);
  }
  override async transmit(request: Sms, context: TransmitContext): Promise<TransmissionOutcome> {
    const outcome = await super.transmit(request, context);
    this.submitted.push({ request, origin: context.origin, attempt: context.attempt, onWireAt: outcome.onWireAt as Date });
    return outcome;
  }
  onReceiptOutcome(listener: ReceiptListener): void {
    this.listener = listener;
  }
}

function setup() {
  const kit = handlerKit();
  const bearer = new FakeSmsBearer();
  const options = { policy: kit.policy, smpp: {} as never, receiptGraceMs: 1000, receiptCapacity: 10 };
  const handler = new DeliverySmsHandler(kit.factory, options, bearer, createLogger('t', 'silent'));
  const reports = () => kit.publisher.of<DeliveryReportedV1>(DeliveryReportedV1);
  return { ...kit, bearer, handler, reports };
}

const receipt = async (t: ReturnType<typeof setup>, result: Omit<AttemptResult, 'attempt'>) => {
  const push = t.bearer.submitted[0];
  t.bearer.listener?.(push, { ...result, attempt: push.attempt });
  for (let i = 0; i < 10 && t.reports().length < 2; i++) await new Promise((r) => setImmediate(r));
};

describe('DeliverySmsHandler (contract test)', () => {
  it('reports the example sent on submit, then delivered from the receipt, both valid', async () => {
    const t = setup();
    const request = { ...DeliverySmsRequestedV1.example, expiresAt: inAnHour() };
    await t.handler.onRequested([deliveryEnvelope(request)]);
    await receipt(t, { outcome: 'delivered', detail: 'DELIVRD (1 of 1 segments)', onWireAt: new Date() });
    const [sent, delivered] = t.reports();
    expect(sent.payload).toMatchObject({ bearer: 'sms', outcome: 'sent', attempt: 1, destination: '+438323546' });
    expect(delivered.payload).toMatchObject({ outcome: 'delivered', attempt: 1, sirId: request.sirId });
    expect(delivered.eventId).not.toBe(sent.eventId);
    expect(delivered.causation?.headers.correlationId).toBe('push-42');
    t.reports().forEach((r) => expect(DeliveryReportedV1.problems(r.payload)).toEqual([]));
  });

  it('an UNDELIV receipt becomes undeliverable, final when no fallback is left', async () => {
    const t = setup();
    await t.handler.onRequested([deliveryEnvelope({ ...DeliverySmsRequestedV1.example, expiresAt: inAnHour() })]);
    await receipt(t, { outcome: 'undeliverable', detail: 'UNDELIV err:005', onWireAt: new Date() });
    expect(t.reports()[1].payload).toMatchObject({ outcome: 'undeliverable', final: true, detail: 'UNDELIV err:005' });
  });
});
