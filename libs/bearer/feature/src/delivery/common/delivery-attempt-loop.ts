import { DeliveryReportedV1 } from '@waken/contracts';
import { RetryPolicy, backoffMs } from '@waken/platform-messaging';
import { DeliveryClock } from './delivery-clock';
import { BearerAdapter, DeliveryOrigin, DeliveryRequest, TransmissionOutcome, TransmitContext } from './delivery-request';

/** The outcome of one delivery request on one bearer, as it will be reported. */
export interface AttemptResult {
  outcome: DeliveryReportedV1['outcome'];
  /** The transmission that produced the outcome (1 when no retry was needed). */
  attempt: number;
  detail: string;
  onWireAt?: Date;
}

/**
 * Transmits one request until it has an answer: never after its TTL (reliability.md R5), a
 * transient failure retried with jittered exponential backoff up to `maxAttempts` (R4), a
 * definitive answer (delivered, undeliverable) never retried.
 */
export class DeliveryAttemptLoop<R extends DeliveryRequest> {
  constructor(
    private readonly adapter: BearerAdapter<R>,
    private readonly retry: RetryPolicy,
    private readonly clock: DeliveryClock,
    private readonly drain: AbortSignal,
    private readonly random: () => number = Math.random,
  ) {}

  async run(request: R, origin: DeliveryOrigin): Promise<AttemptResult> {
    const deadline = new Date(request.expiresAt);
    let onWireAt: Date | undefined;
    for (let attempt = 1; ; attempt++) {
      if (!(this.clock.now() < deadline.getTime())) {
        return { outcome: 'expired', attempt: Math.max(1, attempt - 1), detail: 'TTL passed before transmission', onWireAt };
      }
      const o = await this.transmit(request, { attempt, deadline, origin });
      onWireAt = o.onWireAt ?? onWireAt;
      if (o.kind !== 'transient') return { outcome: o.kind, attempt, detail: o.detail, onWireAt };
      if (attempt >= this.retry.maxAttempts) return { outcome: 'failed', attempt, detail: `${o.detail} (${attempt} attempts)`, onWireAt };
      const wait = backoffMs(this.retry, attempt, this.random);
      if (this.clock.now() + wait >= deadline.getTime()) {
        return { outcome: 'expired', attempt, detail: `TTL ends before the next try; last: ${o.detail}`, onWireAt };
      }
      if (!(await this.clock.sleep(wait, this.drain))) {
        return { outcome: 'failed', attempt, detail: `not retried, service stopping; last: ${o.detail}`, onWireAt };
      }
    }
  }

  private async transmit(request: R, context: TransmitContext): Promise<TransmissionOutcome> {
    try {
      return await this.adapter.transmit(request, context);
    } catch (e) {
      // an adapter bug or an unforeseen socket error: not an answer from the peer, so try again
      return { kind: 'transient', detail: `unexpected: ${(e as Error)?.message ?? String(e)}` };
    }
  }
}
