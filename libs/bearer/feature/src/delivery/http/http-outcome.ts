import { TransmissionOutcome } from '../common/delivery-request';

/**
 * An HTTP response as a delivery outcome (RFC 9110 §15): 2xx delivered; 408, 429 and 5xx may
 * clear up, so they are retried; a redirect is refused (SSRF: it could point anywhere) and any
 * other 4xx is the endpoint's answer.
 */
export function httpStatusOutcome(status: number, reason: string, onWireAt?: Date): TransmissionOutcome {
  const detail = `${status} ${reason}`.trim().slice(0, 200);
  if (status >= 200 && status < 300) return { kind: 'delivered', detail, onWireAt };
  if (status >= 300 && status < 400) return { kind: 'undeliverable', detail: `${detail} (redirects are refused)`, onWireAt };
  if (status === 408 || status === 429 || status >= 500) return { kind: 'transient', detail, onWireAt };
  return { kind: 'undeliverable', detail, onWireAt };
}

// answers about the target itself: retrying the same URL will not change them
const DEFINITIVE = /^(ESSRF|ENOTFOUND|ERR_INVALID_URL|ERR_INVALID_CHAR|ERR_INVALID_HTTP_TOKEN|ERR_TLS_CERT_ALTNAME_INVALID|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|CERT_\w+)$/;

/** A request that got no response, by why: refused targets and bad certificates are final, the rest transient. */
export function httpErrorOutcome(error: unknown, onWireAt?: Date): TransmissionOutcome {
  const code = (error as NodeJS.ErrnoException)?.code ?? '';
  const detail = `${code || 'error'}: ${(error as Error)?.message ?? String(error)}`.slice(0, 200);
  return { kind: DEFINITIVE.test(code) ? 'undeliverable' : 'transient', detail, onWireAt };
}
