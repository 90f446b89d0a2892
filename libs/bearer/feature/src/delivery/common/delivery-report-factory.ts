import { Bearer, DeliveryReportedV1 } from '@waken/contracts';
import { AttemptResult } from './delivery-attempt-loop';
import { DeliveryRequest } from './delivery-request';

const FAILURES: ReadonlySet<DeliveryReportedV1['outcome']> = new Set(['failed', 'undeliverable', 'expired']);

/** Builds DeliveryReportedV1 payloads: one per attempt outcome (seed §S12). */
export class DeliveryReportFactory {
  constructor(
    private readonly bearer: Bearer,
    private readonly now: () => number,
  ) {}

  build(request: DeliveryRequest, destination: string, result: AttemptResult): DeliveryReportedV1 {
    const report: DeliveryReportedV1 = {
      tenantId: request.tenantId,
      pushId: request.pushId,
      sirId: request.sirId,
      kind: request.kind,
      bearer: this.bearer,
      destination: destination.slice(0, 1024),
      attempt: Math.min(100, Math.max(1, result.attempt)),
      outcome: result.outcome,
      detail: result.detail.slice(0, 500),
      targetClientIds: request.targetClientIds,
      reportedAt: new Date(this.now()).toISOString(),
    };
    // contract: final marks a failure with no fallback left; the encapsulator sends the next one otherwise
    if (FAILURES.has(result.outcome)) report.final = request.fallbacks.length === 0;
    if (result.onWireAt) report.onWireAt = result.onWireAt.toISOString();
    // copied for the accept-to-wire latency metric
    if (request.acceptedAt) report.acceptedAt = request.acceptedAt;
    return report;
  }
}
