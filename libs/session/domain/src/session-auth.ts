import { createHmac } from 'node:crypto';

/** What a session token covers (docs/push-session.md, "Auth"). */
export interface SessionAuthClaim {
  tenantId: string;
  clientId: string;
  callId: string;
  /** unix seconds */
  timestampS: number;
}

export interface SessionAuthToken {
  timestampS: number;
  /** base64url HMAC-SHA256, no padding (43 characters) */
  mac: string;
}

const LABEL = 'waken-session|v1|';
// unix seconds ; base64url of 32 bytes
const TOKEN = /^(\d{1,12});([A-Za-z0-9_-]{43})$/;

/** HMAC-SHA256(clientKey, "waken-session|v1|" + tenant + "|" + clientId + "|" + Call-ID + "|" + ts), base64url. */
export function sessionAuthMac(clientKey: Uint8Array, claim: SessionAuthClaim): string {
  const text = `${LABEL}${claim.tenantId}|${claim.clientId}|${claim.callId}|${claim.timestampS}`;
  return createHmac('sha256', clientKey).update(text, 'utf8').digest('base64url');
}

/** The X-Waken-Auth value: `<unix seconds>;<mac>`. */
export function formatSessionAuth(token: SessionAuthToken): string {
  return `${token.timestampS};${token.mac}`;
}

/** The X-Waken-Auth value a client with `clientKey` sends for `claim`. */
export function signSessionAuth(clientKey: Uint8Array, claim: SessionAuthClaim): string {
  return formatSessionAuth({ timestampS: claim.timestampS, mac: sessionAuthMac(clientKey, claim) });
}

/** undefined when the value is not `<digits>;<43 base64url characters>`. */
export function parseSessionAuth(value: string): SessionAuthToken | undefined {
  const m = TOKEN.exec(value.trim());
  return m ? { timestampS: Number(m[1]), mac: m[2] } : undefined;
}
