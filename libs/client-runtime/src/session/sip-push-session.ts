import { getHeader, nameAddrTag, newCallId, newTag, type SipHeader } from '@waken/bearer-sip';
import type { IncomingSipRequest, SipOutgoingRequest, SipResult } from '@waken/bearer-sip-transport';
import { AuthClock, PUSH_SESSION, sessionAuthValue, type PushNotification } from '@waken/client';
import { contactOf, grantedExpires } from './dialog-fields';
import { readNotify } from './notify-reader';
import type { OpenSessionParams, PushSessionContext } from './push-session-context';
import { SessionRefusedError } from './session-refused.error';

export type SessionPhase = 'opening' | 'active' | 'ended';

/** Refresh when this share of the granted time has passed (RFC 6665 §4.1.2.2: before it runs out). */
const REFRESH_AT = 0.8;
/** After ending, a final NOTIFY may still come; answer it 200 for this long. */
const LINGER_MS = 5_000;

/**
 * seed §C3 (unit 221): one SIP push session with the PPG (docs/push-session.md). SUBSCRIBE through
 * the proxy with `X-Waken-Auth`; each NOTIFY is answered 200 once its push is with the
 * application, handed over once per pushId+recipientIndex; refreshed before expiry; ended with
 * `Expires: 0`. NOTIFYs are processed one at a time, in arrival order.
 */
export class SipPushSession {
  readonly callId: string;
  private readonly fromTag = newTag();
  private readonly auth: AuthClock;
  private cseq = 0;
  private remoteTag?: string;
  private remoteTarget?: string;
  private state: SessionPhase = 'opening';
  private timer?: NodeJS.Timeout;
  private queue: Promise<void> = Promise.resolve();
  private delivered = 0;
  private endReason?: string;

  private constructor(
    private readonly ctx: PushSessionContext,
    readonly params: OpenSessionParams,
  ) {
    this.callId = newCallId(ctx.hub.proxied.host);
    this.auth = new AuthClock(ctx.nowMs);
  }

  /** Resolves once the PPG accepted (200); rejects with SessionRefusedError or a transport error. */
  static async open(ctx: PushSessionContext, params: OpenSessionParams): Promise<SipPushSession> {
    const session = new SipPushSession(ctx, params);
    ctx.track(session.callId, session); // RFC 6665 §4.1.2.4: a NOTIFY may overtake the 200
    try {
      await session.subscribe();
    } catch (e) {
      session.end('refused', 0);
      throw e;
    }
    return session;
  }

  get phase(): SessionPhase {
    return this.state;
  }

  get pushesDelivered(): number {
    return this.delivered;
  }

  handleNotify(incoming: IncomingSipRequest): Promise<void> {
    this.queue = this.queue.then(() => this.processNotify(incoming));
    return this.queue;
  }

  /** In-dialog SUBSCRIBE `Expires: 0` (docs/push-session.md "ending"); resolves on the PPG's answer. */
  async close(): Promise<void> {
    if (this.state !== 'active' || !this.remoteTarget) return this.end('client');
    this.clearTimer();
    this.state = 'ended';
    try {
      await this.ctx.hub.sendDirect(this.spec(this.remoteTarget, 0));
    } finally {
      this.end('client');
    }
  }

  private async subscribe(): Promise<void> {
    const expires = this.params.expires ?? PUSH_SESSION.defaultExpires;
    const result = await this.ctx.hub.sendViaProxy(this.spec(this.params.ppgAddress, expires, this.params.body));
    if (result.status < 200 || result.status >= 300) throw new SessionRefusedError(result.status, result.reason);
    this.adoptDialog(result);
    if (this.state === 'ended') return; // terminated by a NOTIFY that overtook the 200
    this.state = 'active';
    this.schedule(grantedExpires(result, expires));
  }

  private async refresh(): Promise<void> {
    if (this.state !== 'active' || !this.remoteTarget) return;
    const expires = this.params.expires ?? PUSH_SESSION.defaultExpires;
    try {
      const result = await this.ctx.hub.sendDirect(this.spec(this.remoteTarget, expires));
      if (result.status >= 200 && result.status < 300) return this.schedule(grantedExpires(result, expires));
      this.end(`refresh-${result.status}`);
    } catch {
      this.end('refresh-failed');
    }
  }

  private async processNotify(incoming: IncomingSipRequest): Promise<void> {
    const reading = readNotify(incoming.request);
    if (!reading.ok) return void incoming.respond(reading.status, reading.reason);
    // RFC 6665 §4.1.2.4: the NOTIFY's To tag is our From tag, or it belongs to no dialog of ours.
    if (reading.toTag !== this.fromTag) return void incoming.respond(481, 'Call/Transaction Does Not Exist');
    if (this.remoteTag === undefined && reading.fromTag !== undefined) this.remoteTag = reading.fromTag;
    if (this.remoteTarget === undefined) this.remoteTarget = contactOf(incoming.request.headers);
    if (reading.push && !(await this.handOver(reading.push))) return void incoming.respond(500, 'Server Internal Error');
    incoming.respond(200, 'OK');
    if (reading.state.state === 'terminated') this.end(`terminated:${reading.state.reason ?? 'unknown'}`, 0);
  }

  /** True when the push is with the application (now or before): then it may be acknowledged. */
  private async handOver(push: PushNotification): Promise<boolean> {
    if (this.ctx.deduper.has(push.pushId, push.recipientIndex)) {
      this.ctx.onDuplicate?.(push);
      return true;
    }
    try {
      await this.ctx.deliver(push);
    } catch {
      return false;
    }
    this.ctx.deduper.remember(push.pushId, push.recipientIndex);
    this.delivered += 1;
    return true;
  }

  private spec(requestUri: string, expires: number, body?: Uint8Array): SipOutgoingRequest {
    const { profile } = this.ctx;
    const ppg = this.params.ppgAddress;
    this.cseq += 1;
    const headers: SipHeader[] = [
      { name: 'Event', value: PUSH_SESSION.event },
      { name: 'Expires', value: String(expires) },
      { name: PUSH_SESSION.headers.client, value: `${profile.tenantId} ${profile.clientId}` },
      ...(this.params.sirId === undefined ? [] : [{ name: PUSH_SESSION.headers.sir, value: this.params.sirId }]),
      { name: PUSH_SESSION.headers.auth, value: this.authValue() },
    ];
    return {
      method: 'SUBSCRIBE',
      requestUri,
      from: `<${profile.publicUserIdentity}>;tag=${this.fromTag}`,
      to: this.remoteTag === undefined ? `<${ppg}>` : `<${ppg}>;tag=${this.remoteTag}`,
      callId: this.callId,
      cseq: this.cseq,
      contact: `<${this.ctx.contact}>`,
      headers,
      ...(body && body.length > 0 && { contentType: PUSH_SESSION.clientInfoMediaType, body }),
    };
  }

  private authValue(): string {
    const { profile } = this.ctx;
    return sessionAuthValue(profile.clientKey.key, {
      tenantId: profile.tenantId, clientId: profile.clientId, callId: this.callId, timestamp: this.auth.next(),
    });
  }

  private adoptDialog(result: SipResult): void {
    const tag = nameAddrTag(getHeader(result.response, 'To') ?? '');
    if (tag !== undefined) this.remoteTag = tag;
    this.remoteTarget = contactOf(result.response.headers) ?? this.remoteTarget;
  }

  private schedule(grantedS: number): void {
    this.clearTimer();
    this.timer = setTimeout(() => void this.refresh(), Math.max(500, grantedS * 1000 * REFRESH_AT));
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private end(reason: string, lingerMs = LINGER_MS): void {
    this.clearTimer();
    this.state = 'ended';
    if (this.endReason !== undefined) return;
    this.endReason = reason;
    const untrack = () => this.ctx.untrack(this.callId, this);
    if (lingerMs > 0) setTimeout(untrack, lingerMs).unref();
    else untrack();
    this.ctx.onEnded(this, reason);
  }
}
