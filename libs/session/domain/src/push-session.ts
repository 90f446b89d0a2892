import { ClientRef } from './client-ref';
import { SessionStateError } from './session-state.error';
import { MAX_SUBSCRIBE_EXPIRES_S } from './session-limits';

export type SessionPhase = 'active' | 'closing' | 'closed';
/** SessionClosedV1.reason */
export type SessionCloseReason = 'client' | 'idle' | 'expired' | 'shutdown';

export interface PushSessionInit extends ClientRef {
  sessionId: string;
  publicUserIdentity: string;
  sirId?: string;
  contact: string;
  expiresS: number;
  nowMs: number;
}

/**
 * One push session (seed §C3) as the PPG keeps it: active until the client ends it, its
 * subscription expires, it idles, or the PPG shuts down; then closing (the final NOTIFY is on
 * its way) and closed. Refreshes and traffic move the deadlines; nothing moves a closed session.
 */
export class PushSession {
  readonly sessionId: string;
  readonly tenantId: string;
  readonly clientId: string;
  readonly publicUserIdentity: string;
  readonly sirId?: string;
  readonly contact: string;
  private currentPhase: SessionPhase = 'active';
  private reason?: SessionCloseReason;
  private expiresAtMs: number;
  private lastActivityMs: number;

  constructor(init: PushSessionInit) {
    checkExpires(init.expiresS, 1);
    this.sessionId = init.sessionId;
    this.tenantId = init.tenantId;
    this.clientId = init.clientId;
    this.publicUserIdentity = init.publicUserIdentity;
    this.sirId = init.sirId;
    this.contact = init.contact;
    this.expiresAtMs = init.nowMs + init.expiresS * 1000;
    this.lastActivityMs = init.nowMs;
  }

  get phase(): SessionPhase {
    return this.currentPhase;
  }

  get closeReason(): SessionCloseReason | undefined {
    return this.reason;
  }

  get isActive(): boolean {
    return this.currentPhase === 'active';
  }

  /** RFC 6665 §4.1.2.2: a refresh sets a new expiry and counts as traffic. */
  refresh(expiresS: number, nowMs: number): void {
    this.requireActive('refresh');
    checkExpires(expiresS, 1);
    this.expiresAtMs = nowMs + expiresS * 1000;
    this.lastActivityMs = nowMs;
  }

  /** Traffic in the dialog (a NOTIFY answered): the session is not idle. */
  touch(nowMs: number): void {
    if (this.isActive) this.lastActivityMs = Math.max(this.lastActivityMs, nowMs);
  }

  /** Seconds left, for `Subscription-State: active;expires=N` (at least 0). */
  remainingS(nowMs: number): number {
    return Math.max(0, Math.ceil((this.expiresAtMs - nowMs) / 1000));
  }

  /** Why an active session must end now: no refresh in time, or no traffic for `idleMs`. */
  due(nowMs: number, idleMs: number): 'expired' | 'idle' | undefined {
    if (!this.isActive) return undefined;
    if (nowMs >= this.expiresAtMs) return 'expired';
    if (nowMs - this.lastActivityMs >= idleMs) return 'idle';
    return undefined;
  }

  /** active → closing; false when it is already closing or closed (the first reason wins). */
  beginClose(reason: SessionCloseReason): boolean {
    if (!this.isActive) return false;
    this.currentPhase = 'closing';
    this.reason = reason;
    return true;
  }

  /** closing → closed. */
  finishClose(): void {
    if (this.currentPhase !== 'closing') throw new SessionStateError(`finishClose in phase ${this.currentPhase}`);
    this.currentPhase = 'closed';
  }

  private requireActive(what: string): void {
    if (!this.isActive) throw new SessionStateError(`${what} in phase ${this.currentPhase}`);
  }
}

function checkExpires(expiresS: number, min: number): void {
  if (!Number.isInteger(expiresS) || expiresS < min || expiresS > MAX_SUBSCRIBE_EXPIRES_S) {
    throw new SessionStateError(`expires ${expiresS} outside ${min}..${MAX_SUBSCRIBE_EXPIRES_S}`);
  }
}
