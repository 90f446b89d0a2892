import type { SirBearer } from '@waken/client';
import type { PolicyPreset } from './policy-presets';

/** Where the devices' SIR keys come from. */
export type FleetKeys =
  /** Derived from the PPG master secret (`deriveClientKey`, `deriveUserKey`): tests and demos. */
  | { readonly master: Uint8Array }
  /** A fleet file: what the registry API returned when the clients were created (see fleet-file.ts). */
  | { readonly fleetFile: string };

export interface FleetOptions {
  readonly users: number;
  readonly devicesPerUser: number;
  readonly keys: FleetKeys;
  /** Bearers each device listens on (default sip). */
  readonly bearers?: readonly SirBearer[];
  /** Share of devices connected from the start (seed §S10), 0..1. */
  readonly connectedRatio?: number;
  /** flag: marked connected (no PPG needed); session: a real SUBSCRIBE to the PPG at start. */
  readonly connectMode?: 'flag' | 'session';
  /** Broadcast-without-identity behaviour (seed §S9), see policy-presets.ts. */
  readonly policy?: PolicyPreset;
  readonly tenantId?: string;
  /** AOR user part before the 7-digit user number: `sip:<prefix>0000042@<domain>`. */
  readonly userPrefix?: string;
  /** SIP domain of the users' AORs (Kamailio serves example.com). */
  readonly domain?: string;
  /** The PPG AOR: trusted, subscribed, and where connected devices subscribe (docs/push-session.md). */
  readonly ppgAddress?: string;
  readonly proxy?: { readonly host: string; readonly port: number };
  /** First of the loopback hosts devices bind to (127.0.0.2, then .3, ...). */
  readonly hostBase?: string;
  readonly hostCount?: number;
  /** Devices sharing one SIP address (told apart by contact user); 1 = a socket pair per device. */
  readonly devicesPerSocket?: number;
  /** REGISTERs in flight at once during start. */
  readonly registerConcurrency?: number;
  readonly registerExpires?: number;
  /** Seeds instance UUIDs and MSISDNs, so two runs simulate the same devices. */
  readonly seed?: string;
  readonly sessionIdleMs?: number;
}

export type ResolvedFleetOptions = FleetOptions & Required<Omit<FleetOptions, 'sessionIdleMs'>>;

const DEFAULTS = {
  bearers: ['sip'],
  connectedRatio: 0,
  connectMode: 'flag',
  policy: 'accept',
  tenantId: 'sim',
  userPrefix: '+43699',
  domain: 'example.com',
  ppgAddress: 'sip:ppg@example.com',
  hostBase: '127.0.0.2',
  hostCount: 200,
  devicesPerSocket: 1,
  registerConcurrency: 100,
  registerExpires: 3600,
  seed: 'waken-terminal-sim',
} as const satisfies Partial<FleetOptions>;

/** Defaults filled in; the proxy defaults to KAMAILIO_HOST / KAMAILIO_PORT (the shared Kamailio). */
export function resolveFleetOptions(options: FleetOptions, env: NodeJS.ProcessEnv = process.env): ResolvedFleetOptions {
  const proxy = options.proxy ?? { host: env.KAMAILIO_HOST ?? '127.0.0.1', port: Number(env.KAMAILIO_PORT ?? 15060) };
  const resolved = { ...DEFAULTS, ...options, proxy };
  if (!(resolved.connectedRatio >= 0 && resolved.connectedRatio <= 1)) throw new RangeError('connectedRatio must be within 0..1');
  if (!Number.isInteger(resolved.devicesPerSocket) || resolved.devicesPerSocket < 1) throw new RangeError('devicesPerSocket must be a positive integer');
  return resolved;
}
