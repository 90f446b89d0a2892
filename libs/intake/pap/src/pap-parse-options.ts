import type { XmlLimits } from '@waken/xml';

export interface PapParseOptions {
  /** The clock for timestamp checks (reliability.md #14); default: now. */
  readonly now?: Date;
  /** Addresses per request (reliability.md #13 count cap); default 1,000. */
  readonly maxAddresses?: number;
  /** How far ahead deliver-before/after may lie; default 30 days (FCM/APNs-like TTL). */
  readonly maxDeliverAheadMs?: number;
  /** Overrides of the XML limits (size 1 MiB, depth 32, ...). */
  readonly xml?: Partial<XmlLimits>;
}

export interface PapReadContext {
  readonly nowMs: number;
  readonly maxAddresses: number;
  readonly maxDeliverAheadMs: number;
  readonly isVersion1: boolean;
}

export const DEFAULT_MAX_ADDRESSES = 1000;
export const DEFAULT_MAX_DELIVER_AHEAD_MS = 30 * 24 * 3600 * 1000;
