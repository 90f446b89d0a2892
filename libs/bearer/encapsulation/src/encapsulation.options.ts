import type { SipWakeupOptions, SirBodyFormat } from './sip-wakeup';
import type { SmsSegmentOptions } from './sms-segments';

/** How the encapsulator lays SIRs out per bearer (seed §S6); every field has a default. */
export interface EncapsulationOptions {
  sip?: SipWakeupOptions;
  sms?: SmsSegmentOptions;
  /** Body of the HTTP POST: structured JSON (default) or binary SIA. */
  httpBody?: SirBodyFormat;
  /** Port of a UDP activation address without one; default 2948. */
  udpDefaultPort?: number;
}
