import { DeliveryPolicy } from '../common/delivery-policy';

export const DELIVERY_HTTP_OPTIONS = Symbol('DELIVERY_HTTP_OPTIONS');

/** How delivery-http talks to client push endpoints. */
export interface HttpSettings {
  /** Time to open the TCP (and TLS) connection. */
  connectTimeoutMs: number;
  /** Time from the request on the wire to the end of the response. */
  responseTimeoutMs: number;
  /** Keep-alive sockets per origin. */
  maxSockets: number;
  /**
   * Loopback, private, link-local and other non-public targets. Production: false (SSRF,
   * reliability.md threat model "PI notify URL"); the embedded/test mode turns it on.
   */
  allowPrivateTargets: boolean;
  userAgent: string;
}

export interface DeliveryHttpOptions {
  policy: DeliveryPolicy;
  http: HttpSettings;
}
