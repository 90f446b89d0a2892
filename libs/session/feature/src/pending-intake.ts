import { PushCancelledV1, PushPendingV1 } from '@waken/contracts';
import type { Logger } from '@waken/platform-observability';
import { PendingPushInput } from '@waken/session-data-access';
import { SessionBodyError, encodePushNotification, pendingKeyOf } from '@waken/session-domain';
import { NotifyDispatcher } from './notify-dispatcher';
import { PendingStore } from './pending-store';

/**
 * The Kafka side (seed §C3, §S10): PushPendingV1 rows are in PostgreSQL before the handler returns
 * (so before the offset is committed); a redelivered event is a no-op on the unique key. New rows
 * of a connected client go out at once. PushCancelledV1 drops what is still pending.
 */
export class PendingIntake {
  constructor(
    private readonly store: PendingStore,
    private readonly dispatcher: NotifyDispatcher,
    private readonly logger: Logger,
    private readonly clock: () => number,
  ) {}

  async accept(events: readonly PushPendingV1[]): Promise<void> {
    const nowMs = this.clock();
    const unique = new Map(events.map((e) => [pendingKeyOf(e), this.input(e, nowMs)]));
    const stored = await this.store.store([...unique.values()]);
    this.dispatcher.offer(stored.filter((s) => s.state === 'pending').map((s) => s.push));
  }

  async cancel(events: readonly PushCancelledV1[]): Promise<void> {
    for (const event of events) {
      const cancelled = await this.store.cancel(event.tenantId, event.pushId);
      this.dispatcher.withdraw(cancelled);
    }
  }

  private input(event: PushPendingV1, nowMs: number): PendingPushInput {
    const { tenantId, pushId, recipientIndex, clientId, publicUserIdentity, wake, content } = event;
    const deliverBefore = event.deliverBefore === undefined ? undefined : new Date(event.deliverBefore);
    const base = { tenantId, pushId, recipientIndex, clientId, publicUserIdentity, wake, content, ...(deliverBefore ? { deliverBefore } : {}) };
    if (deliverBefore && deliverBefore.getTime() <= nowMs) return { ...base, state: 'expired' };
    return { ...base, state: this.sendable(event) ? 'pending' : 'undeliverable' };
  }

  /** A push whose NOTIFY body would break the size cap can never go out over the session. */
  private sendable(event: PushPendingV1): boolean {
    try {
      encodePushNotification({ pushId: event.pushId, recipientIndex: event.recipientIndex, ...event.content });
      return true;
    } catch (e) {
      if (!(e instanceof SessionBodyError)) throw e;
      this.logger.warn({ pushId: event.pushId, clientId: event.clientId, problem: e.problem }, 'pending push cannot be sent over a session; stored undeliverable');
      return false;
    }
  }
}
