import type { EventEnvelope } from '@waken/platform-messaging';

/** What the fallback state keeps beside each SIR to publish its next request later. */
export interface FallbackContext {
  /** Record key (the public user identity): one user's events stay in order. */
  key: string;
  /** The SirComposedV1 record, for correlation and causation of requests made later. */
  cause: Pick<EventEnvelope<unknown>, 'headers'>;
}
