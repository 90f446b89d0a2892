import type { SipTransportName } from '@waken/bearer-sip-transport';

export interface EmbeddedSipProxyOptions {
  /** address to bind (UDP and TCP); default 127.0.0.1 */
  readonly host?: string;
  /** 0 = ephemeral (default) */
  readonly port?: number;
  /** the SIP domain served, like Kamailio's `alias=SIP_DOMAIN`; default example.com */
  readonly domain?: string;
  readonly transports?: readonly SipTransportName[];
  /** bindings over all AORs; a REGISTER that would exceed it gets 503 */
  readonly maxBindings?: number;
  /** Kamailio `max_contacts` (10) */
  readonly maxContactsPerAor?: number;
  /** Kamailio `default_expires` (3600) */
  readonly defaultExpires?: number;
  /** Kamailio `min_expires` (10): shorter non-zero expiries are raised to it */
  readonly minExpires?: number;
  readonly maxExpires?: number;
  /** temp-gruus kept valid per binding (RFC 5627 §3.2: each refresh mints one) */
  readonly maxTempGruusPerBinding?: number;
  /** forwarded requests (branches) in flight; beyond it requests get 503 */
  readonly maxInflightBranches?: number;
  /** Kamailio tm `fr_timer` (5000 ms): a branch without a final answer counts as 408 */
  readonly forwardTimeoutMs?: number;
  /** how often expired bindings are dropped */
  readonly sweepIntervalMs?: number;
}

export type ResolvedSipProxyOptions = Required<EmbeddedSipProxyOptions>;

const DEFAULTS: ResolvedSipProxyOptions = {
  host: '127.0.0.1',
  port: 0,
  domain: 'example.com',
  transports: ['udp', 'tcp'],
  maxBindings: 10_000,
  maxContactsPerAor: 10,
  defaultExpires: 3600,
  minExpires: 10,
  maxExpires: 86_400,
  maxTempGruusPerBinding: 8,
  maxInflightBranches: 1024,
  forwardTimeoutMs: 5000,
  sweepIntervalMs: 1000,
};

const COUNTS = [
  'maxBindings', 'maxContactsPerAor', 'defaultExpires', 'minExpires', 'maxExpires', 'maxTempGruusPerBinding',
  'maxInflightBranches', 'forwardTimeoutMs', 'sweepIntervalMs',
] as const;

export function resolveProxyOptions(options: EmbeddedSipProxyOptions): ResolvedSipProxyOptions {
  const resolved: ResolvedSipProxyOptions = { ...DEFAULTS, ...options, domain: (options.domain ?? DEFAULTS.domain).toLowerCase() };
  for (const name of COUNTS) {
    if (!Number.isInteger(resolved[name]) || resolved[name] < 1) throw new RangeError(`${name} must be a positive integer: ${resolved[name]}`);
  }
  if (resolved.minExpires > resolved.maxExpires) throw new RangeError('minExpires above maxExpires');
  return resolved;
}
