import type { EventPublisher } from '@waken/platform-messaging';
import type { Logger } from '@waken/platform-observability';
import { SessionAuthVerifier } from '@waken/session-domain';
import { NotifyChannel } from './notify-channel';
import { NotifyDispatcher } from './notify-dispatcher';
import { PendingIntake } from './pending-intake';
import { PendingStore } from './pending-store';
import { SessionCloser } from './session-closer';
import { SessionEventPublisher } from './session-event-publisher';
import { SessionOpener } from './session-opener';
import { SessionRegistry } from './session-registry';
import { SessionSweeper } from './session-sweeper';
import { SessionUpdater } from './session-updater';
import { SubscriptionHandler } from './subscription-handler';
import { SessionTuning } from './session.options';

export interface SessionCoreDeps {
  publisher: EventPublisher;
  store: PendingStore;
  channel: NotifyChannel;
  logger: Logger;
  master: Uint8Array;
  tenants: readonly string[];
  /** our Contact URI: where clients send in-dialog requests */
  localContact: string;
  tuning: SessionTuning;
  clock?: () => number;
}

/**
 * The session endpoint without its sockets: what handles SUBSCRIBEs, sends NOTIFYs, stores and
 * announces. The SIP runtime feeds it requests and gives it a NotifyChannel; unit tests give it
 * fakes.
 */
export class SessionCore {
  readonly registry = new SessionRegistry();
  readonly events: SessionEventPublisher;
  readonly dispatcher: NotifyDispatcher;
  readonly closer: SessionCloser;
  readonly subscriptions: SubscriptionHandler;
  readonly sweeper: SessionSweeper;
  readonly intake: PendingIntake;

  constructor(private readonly deps: SessionCoreDeps) {
    const { store, channel, logger, tuning } = deps;
    const clock = deps.clock ?? Date.now;
    this.events = new SessionEventPublisher(deps.publisher);
    this.closer = new SessionCloser(this.registry, channel, this.events, logger, clock);
    this.dispatcher = new NotifyDispatcher({
      registry: this.registry, channel, store, events: this.events, logger, clock,
      maxInflight: tuning.maxNotifyInflight, loadBatch: tuning.loadBatch,
      onDialogGone: (live) => void this.closer.close(live, 'expired', false),
    });
    const opener = new SessionOpener({
      registry: this.registry, verifier: new SessionAuthVerifier(deps.master), events: this.events, dispatcher: this.dispatcher,
      closer: this.closer, logger, localContact: deps.localContact, maxPerSession: tuning.maxNotifyPerSession, clock,
      tenants: deps.tenants.length > 0 ? new Set(deps.tenants) : undefined,
    });
    const updater = new SessionUpdater(this.registry, this.closer, this.events, deps.localContact, logger, clock);
    this.subscriptions = new SubscriptionHandler(opener, updater, logger);
    this.sweeper = new SessionSweeper(this.registry, this.closer, store, tuning, logger, clock, () => this.dispatcher.retryLoads());
    this.intake = new PendingIntake(store, this.dispatcher, logger, clock);
  }

  /**
   * Graceful end (docs/session.md): turn new SUBSCRIBEs away, let NOTIFYs in flight finish and be
   * recorded, end every session (final NOTIFY deactivated, SessionClosedV1 shutdown).
   */
  async shutdown(): Promise<void> {
    const grace = this.deps.tuning.shutdownGraceMs;
    this.subscriptions.drain();
    await this.sweeper.stop();
    this.dispatcher.stop();
    await this.dispatcher.settled(grace);
    await Promise.all(this.registry.all().map((live) => this.closer.close(live, 'shutdown')));
    await this.closer.settled(grace);
  }
}
