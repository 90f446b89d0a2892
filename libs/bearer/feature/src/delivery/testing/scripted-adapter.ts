import { Bearer } from '@waken/contracts';
import { BearerAdapter, DeliveryRequest, TransmissionOutcome, TransmitContext } from '../common/delivery-request';

type Step = TransmissionOutcome | Error | ((context: TransmitContext) => Promise<TransmissionOutcome>);

/** A fake bearer for unit specs: answers each transmission with the next scripted step. */
export class ScriptedAdapter<R extends DeliveryRequest> implements BearerAdapter<R> {
  readonly calls: Array<{ request: R; context: TransmitContext }> = [];
  private active = 0;
  maxActive = 0;

  constructor(
    readonly bearer: Bearer,
    private readonly steps: Step[],
    private readonly destinationOf: (request: R) => string = (r) => r.sirId,
  ) {}

  destination(request: R): string {
    return this.destinationOf(request);
  }

  async transmit(request: R, context: TransmitContext): Promise<TransmissionOutcome> {
    this.calls.push({ request, context });
    const step = this.steps[Math.min(this.calls.length - 1, this.steps.length - 1)];
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      if (step instanceof Error) throw step;
      return typeof step === 'function' ? await step(context) : step;
    } finally {
      this.active -= 1;
    }
  }
}

export const delivered = (at = new Date()): TransmissionOutcome => ({ kind: 'delivered', detail: '200 OK', onWireAt: at });
export const transient = (detail = '503 Service Unavailable'): TransmissionOutcome => ({ kind: 'transient', detail, onWireAt: new Date() });
export const undeliverable = (detail = '404 Not Found'): TransmissionOutcome => ({ kind: 'undeliverable', detail, onWireAt: new Date() });
