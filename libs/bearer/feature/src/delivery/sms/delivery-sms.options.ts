import { DeliveryPolicy } from '../common/delivery-policy';

export const DELIVERY_SMS_OPTIONS = Symbol('DELIVERY_SMS_OPTIONS');

/** The SMPP bind delivery-sms submits on (seed §S6 SMS encapsulation). */
export interface SmppSettings {
  host: string;
  port: number;
  systemId: string;
  password: string;
  systemType?: string;
  /** Source address of the pushes (E.164, short code or alphanumeric). */
  sourceAddr?: string;
  /** submit_sm awaiting their resp at once on the bind. */
  window: number;
  /** Throughput cap the SMSC granted this bind, in messages (segments) per second. */
  messagesPerSecond?: number;
  burst?: number;
  enquireLinkIntervalMs?: number;
}

export interface DeliverySmsOptions {
  policy: DeliveryPolicy;
  smpp: SmppSettings;
  /** How long after a push's TTL its delivery receipt is still awaited. */
  receiptGraceMs: number;
  /** Pushes awaiting receipts, at most (the oldest are forgotten first). */
  receiptCapacity: number;
}
