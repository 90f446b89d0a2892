import type { Logger } from '@waken/platform-observability';
import { SESSION_EVENT_PACKAGE, SessionCloseReason, TerminationReason, terminatedSubscriptionState } from '@waken/session-domain';
import { LiveSession } from './live-session';
import { NotifyChannel } from './notify-channel';
import { SessionEventPublisher } from './session-event-publisher';
import { SessionRegistry } from './session-registry';

// docs/push-session.md: the client's end → noresource; idle or expired → timeout. Shutdown →
// deactivated: RFC 6665 §4.1.3 tells the subscriber to subscribe again (the restarted PPG).
const TERMINATION: Record<SessionCloseReason, TerminationReason> = {
  client: 'noresource',
  idle: 'timeout',
  expired: 'timeout',
  shutdown: 'deactivated',
};

/**
 * Ends sessions: out of the registry at once (no new NOTIFY), the final NOTIFY with
 * `Subscription-State: terminated` (unless the client is known to be gone), and SessionClosedV1.
 * The final NOTIFY runs in the background; `settled` waits for those still out.
 */
export class SessionCloser {
  private readonly background = new Set<Promise<void>>();

  constructor(
    private readonly registry: SessionRegistry,
    private readonly channel: NotifyChannel,
    private readonly events: SessionEventPublisher,
    private readonly logger: Logger,
    private readonly clock: () => number,
  ) {}

  /** Resolves once SessionClosedV1 is published; false when the session was already closing. */
  async close(live: LiveSession, reason: SessionCloseReason, notifyClient = true): Promise<boolean> {
    if (!live.session.beginClose(reason)) return false;
    this.registry.remove(live);
    const final = notifyClient ? this.finalNotify(live, TERMINATION[reason]) : Promise.resolve();
    this.track(final.finally(() => live.session.finishClose()));
    try {
      await this.events.closed(live.session, reason, new Date(this.clock()));
    } catch (e) {
      this.logger.error({ err: e, sessionId: live.session.sessionId }, 'SessionClosedV1 not published');
    }
    return true;
  }

  async settled(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
    await Promise.race([Promise.allSettled([...this.background]), deadline]);
    clearTimeout(timer);
  }

  private async finalNotify(live: LiveSession, reason: TerminationReason): Promise<void> {
    const headers = { Event: SESSION_EVENT_PACKAGE, 'Subscription-State': terminatedSubscriptionState(reason) };
    const outcome = await this.channel.notify(live.dialog, headers);
    if (!('status' in outcome) || outcome.status >= 300) {
      this.logger.info({ sessionId: live.session.sessionId, outcome }, 'final NOTIFY not acknowledged');
    }
  }

  private track(work: Promise<void>): void {
    this.background.add(work);
    void work.finally(() => this.background.delete(work));
  }
}
