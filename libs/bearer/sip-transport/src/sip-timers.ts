/** RFC 3261 §17.1.1.1 / Table 4 timer values; `timeoutMs` is Timer F (64·T1 by default). */
export interface SipTimers {
  readonly t1Ms: number;
  readonly t2Ms: number;
  readonly t4Ms: number;
  readonly timeoutMs: number;
}

export const DEFAULT_SIP_TIMERS: SipTimers = { t1Ms: 500, t2Ms: 4000, t4Ms: 5000, timeoutMs: 32000 };
