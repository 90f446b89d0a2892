import { Controller } from '@nestjs/common';
import { DeliveryReportedV1, PushDeliveredV1, PushPlannedV1, SessionOpenedV1 } from '@waken/contracts';
import { PushRepository, sirKey } from '@waken/intake-data-access';
import { EventEnvelope, OnEvents } from '@waken/platform-messaging';
import { OutcomeTracker } from './outcome-tracker';

/**
 * The outcome tracker's consumers (seed §S12): plans, delivery attempts, acknowledgements and
 * session openings move each recipient and push through the PAP states to a final one.
 */
@Controller()
export class OutcomeHandler {
  private readonly pushes = new PushRepository();

  constructor(private readonly tracker: OutcomeTracker) {}

  @OnEvents(PushPlannedV1)
  onPlanned(batch: EventEnvelope<PushPlannedV1>[]): Promise<void> {
    return this.tracker.track('push-intake.planned', batch, async (_m, fresh) =>
      fresh.map(({ payload: p }) => ({
        tenantId: p.tenantId,
        push: p.pushId,
        event: {
          kind: 'planned',
          recipientIndex: p.recipientIndex,
          targets: p.targetClientIds,
          sirCount: p.sirCount,
          ...(p.wakeMode === undefined ? {} : { wakeMode: p.wakeMode }),
          directCount: p.directCount,
          ...(p.unresolvedReason !== undefined && { unresolvedReason: p.unresolvedReason }),
        },
      })),
    );
  }

  @OnEvents(DeliveryReportedV1)
  onReported(batch: EventEnvelope<DeliveryReportedV1>[]): Promise<void> {
    return this.tracker.track('push-intake.reported', batch, async (m, fresh) => {
      const sirs = fresh.filter((e) => e.payload.kind === 'sir').map(({ payload: p }) => ({ tenantId: p.tenantId, push: p.pushId, sirId: p.sirId }));
      await this.pushes.rememberManySirs(m, sirs);
      return fresh.map(({ payload: p }) => ({
        tenantId: p.tenantId,
        push: p.pushId,
        event: { kind: 'reported', sirId: p.sirId, requestKind: p.kind, bearer: p.bearer, outcome: p.outcome, final: p.final === true, targetClientIds: p.targetClientIds },
      }));
    });
  }

  @OnEvents(PushDeliveredV1)
  onDelivered(batch: EventEnvelope<PushDeliveredV1>[]): Promise<void> {
    return this.tracker.track('push-intake.delivered', batch, async (_m, fresh) =>
      fresh.map(({ payload: p }) => ({
        tenantId: p.tenantId,
        push: p.pushId,
        event: { kind: 'delivered', recipientIndex: p.recipientIndex, clientId: p.clientId, wake: p.wake },
      })),
    );
  }

  @OnEvents(SessionOpenedV1)
  onSessionOpened(batch: EventEnvelope<SessionOpenedV1>[]): Promise<void> {
    return this.tracker.track('push-intake.session-opened', batch, async (m, fresh) => {
      const withSir = fresh.flatMap(({ payload: p }) => (p.sirId === undefined ? [] : [{ tenantId: p.tenantId, sirId: p.sirId }]));
      const pushOf = await this.pushes.pushesOfSirs(m, withSir);
      return withSir.flatMap(({ tenantId, sirId }) => {
        const push = pushOf.get(sirKey(tenantId, sirId));
        return push ? [{ tenantId, push, event: { kind: 'session-opened' as const, sirId } }] : [];
      });
    });
  }
}
