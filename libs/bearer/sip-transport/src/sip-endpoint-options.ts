import { DEFAULT_SIP_LIMITS, type SipLimits } from '@waken/bearer-sip';
import { DEFAULT_SIP_TIMERS, type SipTimers } from './sip-timers';
import type { SipPeer, SipTransportName } from './sip-peer';

export interface SipEndpointOptions {
  /** local address to bind; devices in tests use 127.0.0.2.., the PPG 127.0.0.1 */
  readonly host?: string;
  /** 0 = ephemeral; UDP and TCP share the number */
  readonly port?: number;
  readonly transports?: readonly SipTransportName[];
  /** every request goes here (RFC 3261 §8.1.2); without it, to the Request-URI host */
  readonly outboundProxy?: SipPeer;
  readonly defaultTransport?: SipTransportName;
  readonly timers?: Partial<SipTimers>;
  /** client transactions outstanding before `request`/`sendMessage` wait */
  readonly maxInflight?: number;
  /** callers allowed to wait for a slot before SipTransportError('overload') */
  readonly maxWaiting?: number;
  readonly limits?: SipLimits;
  /** idle TCP flows are closed after this */
  readonly tcpIdleMs?: number;
  readonly userAgent?: string;
}

export type ResolvedSipEndpointOptions = Required<Omit<SipEndpointOptions, 'outboundProxy' | 'timers' | 'userAgent'>> &
  Pick<SipEndpointOptions, 'outboundProxy' | 'userAgent'> & { readonly timers: SipTimers };

export function resolveOptions(options: SipEndpointOptions): ResolvedSipEndpointOptions {
  const timers = { ...DEFAULT_SIP_TIMERS, ...options.timers };
  return {
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    transports: options.transports ?? ['udp', 'tcp'],
    outboundProxy: options.outboundProxy,
    defaultTransport: options.defaultTransport ?? options.outboundProxy?.transport ?? 'udp',
    timers,
    maxInflight: options.maxInflight ?? 32,
    maxWaiting: options.maxWaiting ?? 10_000,
    limits: options.limits ?? DEFAULT_SIP_LIMITS,
    tcpIdleMs: options.tcpIdleMs ?? 30_000,
    userAgent: options.userAgent,
  };
}
