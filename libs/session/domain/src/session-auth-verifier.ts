import { timingSafeEqual } from 'node:crypto';
import { ReplayCache, deriveClientKey } from '@waken/sir-domain';
import { SessionAuthClaim, parseSessionAuth, sessionAuthMac } from './session-auth';
import { AUTH_MAX_SKEW_MS } from './session-limits';

export type SessionAuthRefusal = 'missing' | 'malformed' | 'bad-mac' | 'skew' | 'replay';
export type SessionAuthVerdict = { ok: true; timestampS: number } | { ok: false; reason: SessionAuthRefusal };

export interface SessionAuthOptions {
  maxSkewMs?: number;
  /** (Call-ID, ts) pairs remembered; size it to SUBSCRIBEs per second × the skew window */
  replayCapacity?: number;
}

type Subject = Omit<SessionAuthClaim, 'timestampS'>;

/**
 * Checks X-Waken-Auth of an initial SUBSCRIBE with the client key derived from the master
 * (the key that verifies the client's SIRs, `@waken/sir-domain`). `verify` has no memory;
 * `consume` refuses a (Call-ID, ts) seen before.
 */
export class SessionAuthVerifier {
  private readonly replays: ReplayCache;
  private readonly maxSkewMs: number;

  constructor(
    private readonly master: Uint8Array,
    options: SessionAuthOptions = {},
  ) {
    this.maxSkewMs = options.maxSkewMs ?? AUTH_MAX_SKEW_MS;
    this.replays = new ReplayCache(options.replayCapacity ?? 100_000);
  }

  verify(subject: Subject, header: string | undefined, nowMs: number): SessionAuthVerdict {
    if (header === undefined || header.trim() === '') return { ok: false, reason: 'missing' };
    const token = parseSessionAuth(header);
    if (!token) return { ok: false, reason: 'malformed' };
    const key = deriveClientKey(this.master, subject.tenantId, subject.clientId);
    const expected = Buffer.from(sessionAuthMac(key, { ...subject, timestampS: token.timestampS }), 'base64url');
    const given = Buffer.from(token.mac, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad-mac' };
    if (Math.abs(nowMs - token.timestampS * 1000) > this.maxSkewMs) return { ok: false, reason: 'skew' };
    return { ok: true, timestampS: token.timestampS };
  }

  /**
   * Remembers the (Call-ID, ts) of a verified token until the skew window has passed; false when
   * it was seen before (a replay). Call it last, once the request is otherwise accepted.
   */
  consume(callId: string, timestampS: number, nowMs: number): boolean {
    const until = timestampS * 1000 + this.maxSkewMs + 1000;
    return this.replays.checkAndRemember([`${callId}\u0000${timestampS}`], until, nowMs);
  }
}
