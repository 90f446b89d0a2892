import { EventEmitter } from 'node:events';
import { KnownMessageIds } from './known-message-ids';
import { ReconnectBackoff } from './reconnect-backoff';
import { resolveSmppClientOptions, ResolvedSmppClientOptions, SmppClientOptions } from './smpp-client-options';
import { SmppLinkError } from './smpp-link-error';
import { ShortMessageBody } from './smpp-pdu';
import { SmppReceipt } from './smpp-receipt';
import { SmppReceiptRouter } from './smpp-receipt-router';
import { SmppSession } from './smpp-session';
import { SubmitScheduler } from './submit-scheduler';
import { TokenBucket } from './token-bucket';
import { WapPushSubmission, WapPushSubmitted } from './wap-push-submission';
import { WapPushSubmitBuilder } from './wap-push-submit-builder';

export type SmppClientState = 'idle' | 'connecting' | 'bound' | 'reconnecting' | 'closed';

export type SmppClientEvents = {
  receipt: [SmppReceipt];
  bound: [{ host: string; port: number }];
  disconnected: [{ error: Error; reconnectInMs: number }];
};

/**
 * SMPP 3.4 ESME for WAP push over SMS (seed §S6 SMS encapsulation, §S7 targeted sending to
 * one MSISDN): one bind, windowed and throttled submit_sm, keep-alive, reconnect, receipts.
 */
export class SmppClient extends EventEmitter<SmppClientEvents> {
  private readonly o: ResolvedSmppClientOptions;
  private readonly scheduler: SubmitScheduler;
  private readonly backoff: ReconnectBackoff;
  private readonly known: KnownMessageIds;
  private readonly receipts: SmppReceiptRouter;
  private session?: SmppSession;
  private reconnectTimer: unknown;
  private current: SmppClientState = 'idle';

  constructor(options: SmppClientOptions) {
    super();
    this.o = resolveSmppClientOptions(options);
    const bucket = new TokenBucket(this.o.messagesPerSecond, this.o.burst, this.o.timers.now());
    this.scheduler = new SubmitScheduler(this.o.window, bucket, this.o.timers);
    this.backoff = new ReconnectBackoff(this.o.reconnectInitialMs, this.o.reconnectMaxMs, this.o.random);
    this.known = new KnownMessageIds(this.o.knownMessageIds);
    this.receipts = new SmppReceiptRouter(this.known, this.o.logger, (r) => this.emit('receipt', r));
  }

  get state(): SmppClientState {
    return this.current;
  }

  /** submit_sm awaiting their resp right now (never more than the window). */
  get inFlight(): number {
    return this.scheduler.inFlight;
  }

  /** First connect and bind. Rejects (no retry) on a refused bind or an unreachable SMSC. */
  async connect(): Promise<void> {
    if (this.current !== 'idle') throw new Error(`connect() while ${this.current}`);
    this.current = 'connecting';
    try {
      await this.openSession();
    } catch (e) {
      if (this.current === 'connecting') this.current = 'idle';
      throw e;
    }
  }

  /** Submits every segment (UDHI, 8-bit binary); fails fast with SmppLinkError when not bound. */
  async submitWapPush(push: WapPushSubmission): Promise<WapPushSubmitted> {
    const bodies = WapPushSubmitBuilder.build(push, this.o.sourceAddr);
    if (!this.session) throw new SmppLinkError(`not bound (${this.current})`);
    const messageIds: string[] = [];
    let writtenAt = 0;
    let failure: Error | undefined;
    const fail = (e: Error) => {
      failure ??= e;
    };
    // The failure is recorded inside the job, before the scheduler picks the next one, so the
    // rest of this push's segments are cancelled rather than sent.
    const send = (body: ShortMessageBody) => () =>
      this.sendOne(body, (at) => (writtenAt = Math.max(writtenAt, at))).catch((e: Error) => {
        fail(e);
        throw e;
      });
    const sends = bodies.map((body, i) =>
      this.scheduler
        .submit(send(body), () => failure)
        .then((id) => (messageIds[i] = id))
        .catch(fail),
    );
    await Promise.all(sends);
    if (failure) throw failure instanceof SmppLinkError ? failure.withAccepted(messageIds.filter(Boolean)) : failure;
    return { messageIds, onWireAt: new Date(writtenAt || this.o.timers.now()) };
  }

  /** Unbinds, fails whatever is queued, stops reconnecting and releases the socket. */
  async close(): Promise<void> {
    if (this.current === 'closed') return;
    this.current = 'closed';
    if (this.reconnectTimer !== undefined) this.o.timers.clearTimeout(this.reconnectTimer);
    this.scheduler.failQueued(new SmppLinkError('client closed'));
    const session = this.session;
    this.session = undefined;
    await session?.unbind();
  }

  private sendOne(body: ShortMessageBody, onWritten: (at: number) => void): Promise<string> {
    const session = this.session;
    if (!session) return Promise.reject(new SmppLinkError(`not bound (${this.current})`));
    return session.submit(body, onWritten, (id) => this.known.add(id));
  }

  private async openSession(): Promise<void> {
    let session: SmppSession | undefined = undefined;
    session = await SmppSession.open(this.o, {
      onDeliverSm: (pdu, receiving) => this.receipts.route(pdu, receiving),
      onClosed: (error) => this.onSessionClosed(session, error),
    });
    if (this.current === 'closed') return session.unbind();
    if (!session.isOpen) throw new SmppLinkError('link closed right after bind');
    this.session = session;
    this.current = 'bound';
    this.backoff.reset();
    this.emit('bound', { host: this.o.host, port: this.o.port });
  }

  /** Pending submits were failed by the link itself (retryable); queued ones fail here. */
  private onSessionClosed(session: SmppSession | undefined, error: SmppLinkError): void {
    if (session === undefined || session !== this.session) return;
    this.session = undefined;
    this.scheduler.failQueued(error);
    this.scheduleReconnect(error);
  }

  private scheduleReconnect(error: Error): void {
    if (this.current === 'closed') return;
    this.current = 'reconnecting';
    const delay = this.backoff.next();
    this.o.logger.warn({ err: error.message, reconnectInMs: delay }, 'SMPP link lost; reconnecting');
    this.emit('disconnected', { error, reconnectInMs: delay });
    this.reconnectTimer = this.o.timers.setTimeout(() => this.reconnect(), delay);
  }

  private reconnect(): void {
    this.reconnectTimer = undefined;
    if (this.current === 'closed') return;
    this.openSession().catch((e: Error) => this.scheduleReconnect(e));
  }
}
