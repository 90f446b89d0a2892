import type { Logger } from '@waken/platform-observability';
import {
  PUSH_NOTIFY_CONTENT_TYPE, PendingPush, PendingPushKey, SESSION_EVENT_PACKAGE, activeSubscriptionState, encodePushNotification,
  pendingKeyOf, toPushNotification,
} from '@waken/session-domain';
import { LiveSession } from './live-session';
import { NotifyChannel, NotifyOutcome } from './notify-channel';
import { PendingStore } from './pending-store';
import { SessionEventPublisher } from './session-event-publisher';
import { SessionRegistry } from './session-registry';

export interface NotifyDispatcherDeps {
  registry: SessionRegistry;
  channel: NotifyChannel;
  store: PendingStore;
  events: SessionEventPublisher;
  logger: Logger;
  maxInflight: number;
  loadBatch: number;
  clock: () => number;
  /** the client of `live` no longer answers in its dialog (481, timeout, transport failure) */
  onDialogGone: (live: LiveSession) => void;
}

/**
 * Sends each pending push as a NOTIFY in its session's dialog (docs/push-session.md), in the order
 * the pushes became pending, with at most `maxInflight` NOTIFYs out over all sessions (and the
 * queue's own per-session bound). Sessions take turns, one NOTIFY each, so one client's backlog
 * does not starve the others. A 200 is the acknowledgement: PushDeliveredV1, then the row.
 */
export class NotifyDispatcher {
  private readonly ready = new Set<LiveSession>();
  private readonly outstanding = new Set<Promise<void>>();
  private inflight = 0;
  private stopped = false;

  constructor(private readonly deps: NotifyDispatcherDeps) {}

  /** seed §S10: pushes that became pending while their client is connected go out at once. */
  offer(pushes: readonly PendingPush[]): void {
    for (const push of pushes) {
      const live = this.deps.registry.forClient(push);
      if (live?.session.isActive && live.queue.add([push]) > 0) this.ready.add(live);
    }
    this.pump();
  }

  /** Cancelled pushes leave the queues (a NOTIFY already out is not recalled). */
  withdraw(keys: readonly PendingPushKey[]): void {
    const gone = new Set(keys.map(pendingKeyOf));
    for (const key of keys) this.deps.registry.forClient(key)?.queue.withdraw((p) => gone.has(pendingKeyOf(p)));
  }

  /**
   * Loads the session's pending rows from the store (at open, and again while there are more).
   * Never throws: a failed load is logged and retried by `retryLoads` (the sweep).
   */
  async load(live: LiveSession): Promise<void> {
    if (live.loading) return;
    live.loading = true;
    try {
      const { session } = live;
      const rows = await this.deps.store.pendingFor(session.tenantId, session.clientId, new Date(this.deps.clock()), this.deps.loadBatch, live.loadedUpTo);
      live.moreInStore = rows.length === this.deps.loadBatch;
      live.loadedUpTo = rows.reduce((max, r) => Math.max(max, r.seq), live.loadedUpTo);
      if (live.queue.add(rows) > 0) this.ready.add(live);
    } catch (e) {
      live.moreInStore = true;
      this.deps.logger.error({ err: e, clientId: live.session.clientId }, 'loading pending pushes failed; retrying at the next sweep');
    } finally {
      live.loading = false;
    }
    this.pump();
  }

  /** Loads again for sessions whose last load failed or was cut at the batch size and that are idle. */
  retryLoads(): void {
    for (const live of this.deps.registry.all()) {
      if (live.moreInStore && live.session.isActive && live.queue.queuedCount === 0 && live.queue.inflightCount === 0) void this.load(live);
    }
  }

  /** Nothing new goes out; NOTIFYs in flight still finish. */
  stop(): void {
    this.stopped = true;
  }

  /** Resolves when every NOTIFY in flight has ended and been recorded (or after `timeoutMs`). */
  async settled(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.outstanding]), deadline]);
    clearTimeout(timer);
  }

  private pump(): void {
    let progress = true;
    while (progress && !this.stopped && this.inflight < this.deps.maxInflight) {
      progress = false;
      for (const live of [...this.ready]) {
        if (this.inflight >= this.deps.maxInflight) return;
        progress = this.turn(live) || progress;
      }
    }
  }

  /** One push of one session; true when something left its queue. */
  private turn(live: LiveSession): boolean {
    this.ready.delete(live);
    if (!live.session.isActive || !this.deps.registry.isCurrent(live)) return false;
    const { send, expired } = live.queue.take(this.deps.clock(), 1);
    for (const push of send) this.track(this.send(live, push));
    if (live.queue.queuedCount > 0) this.ready.add(live);
    else if (live.moreInStore && live.queue.inflightCount === 0) void this.load(live);
    return send.length + expired.length > 0;
  }

  private track(work: Promise<void>): void {
    this.outstanding.add(work);
    void work.finally(() => this.outstanding.delete(work));
  }

  private async send(live: LiveSession, push: PendingPush): Promise<void> {
    this.inflight += 1;
    try {
      const outcome = await this.notify(live, push);
      await this.finish(live, push, outcome);
    } finally {
      this.inflight -= 1;
      this.markReady(live);
      this.pump();
    }
  }

  /** The client's current session takes its turn again (it may have replaced `live`, sharing its queue). */
  private markReady(live: LiveSession): void {
    const current = this.deps.registry.forClient(live.session);
    if (current?.queue === live.queue && (current.queue.queuedCount > 0 || current.moreInStore)) this.ready.add(current);
  }

  private async notify(live: LiveSession, push: PendingPush): Promise<NotifyOutcome | 'unsendable'> {
    let body: Uint8Array;
    try {
      body = encodePushNotification(toPushNotification(push));
    } catch (e) {
      this.deps.logger.warn({ err: e, pushId: push.pushId, clientId: push.clientId }, 'push cannot be sent as a NOTIFY');
      return 'unsendable';
    }
    const state = activeSubscriptionState(live.session.remainingS(this.deps.clock()));
    const headers = { Event: SESSION_EVENT_PACKAGE, 'Subscription-State': state };
    return this.deps.channel.notify(live.dialog, headers, PUSH_NOTIFY_CONTENT_TYPE, body);
  }

  private async finish(live: LiveSession, push: PendingPush, outcome: NotifyOutcome | 'unsendable'): Promise<void> {
    const key = pendingKeyOf(push);
    if (outcome !== 'unsendable' && 'status' in outcome && outcome.status >= 200 && outcome.status < 300) {
      live.session.touch(this.deps.clock());
      // the session's next NOTIFY need not wait for the bookkeeping, which keeps its global slot;
      // if the recording fails the row stays pending and the next session sends it again
      live.queue.settle(key, 'delivered');
      this.markReady(live);
      this.pump();
      await this.recordDelivered(live, push);
    } else if (outcome !== 'unsendable' && dialogGone(outcome)) {
      // the client subscribed again meanwhile: its new session (same queue) sends it once more
      const current = this.deps.registry.isCurrent(live);
      live.queue.settle(key, current ? 'skipped' : 'retry');
      if (current) this.deps.onDialogGone(live);
    } else {
      // any other answer leaves it pending in the store for the next session (docs/push-session.md)
      live.queue.settle(key, 'skipped');
    }
  }

  /**
   * PushDeliveredV1 first, then the row: a crash in between redelivers the push next session and
   * announces it again under the same event id, rather than losing the announcement.
   */
  private async recordDelivered(live: LiveSession, push: PendingPush): Promise<void> {
    const at = new Date(this.deps.clock());
    try {
      await this.deps.events.delivered(push, live.session.sessionId, at);
    } catch (e) {
      this.deps.logger.error({ err: e, pushId: push.pushId, clientId: push.clientId }, 'PushDeliveredV1 not published; the push stays pending');
      return;
    }
    try {
      await this.deps.store.markDelivered(push, at, live.session.sessionId);
    } catch (e) {
      this.deps.logger.error({ err: e, pushId: push.pushId, clientId: push.clientId }, 'delivered push not marked; it may be sent again');
    }
  }
}

/** RFC 6665 §4.1.3 / RFC 3261 §8.1.3.1: 481, 408, or no answer at all: the subscription is gone. */
function dialogGone(outcome: NotifyOutcome): boolean {
  return 'failure' in outcome || outcome.status === 481 || outcome.status === 408;
}
