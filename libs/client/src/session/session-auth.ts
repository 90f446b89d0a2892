import { createHmac } from 'node:crypto';

/** What `X-Waken-Auth` signs (docs/push-session.md, "Auth"). */
export interface SessionAuthInput {
  readonly tenantId: string;
  readonly clientId: string;
  readonly callId: string;
  /** Unix seconds; the PPG accepts |now − ts| ≤ 300 s and refuses a reused (Call-ID, ts). */
  readonly timestamp: number;
}

const LABEL = 'waken-session|v1|';

/**
 * `<ts>;<base64url HMAC-SHA256(clientKey, "waken-session|v1|" + tenant + "|" + clientId + "|" +
 * Call-ID + "|" + ts)>`, with the same client key that verifies this client's SIRs.
 */
export function sessionAuthValue(clientKey: Uint8Array, input: SessionAuthInput): string {
  if (!Number.isSafeInteger(input.timestamp) || input.timestamp < 0) throw new RangeError(`bad auth timestamp ${input.timestamp}`);
  const text = `${LABEL}${input.tenantId}|${input.clientId}|${input.callId}|${input.timestamp}`;
  const mac = createHmac('sha256', clientKey).update(text, 'utf8').digest('base64url');
  return `${input.timestamp};${mac}`;
}

/**
 * Timestamps for one Call-ID that never repeat: a refresh within the same second as the last
 * SUBSCRIBE would otherwise reuse (Call-ID, ts), which the PPG refuses as a replay.
 */
export class AuthClock {
  private last = -1;

  constructor(private readonly nowMs: () => number = Date.now) {}

  next(): number {
    this.last = Math.max(Math.floor(this.nowMs() / 1000), this.last + 1);
    return this.last;
  }
}
