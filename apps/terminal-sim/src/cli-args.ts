import { parseArgs } from 'node:util';
import { BEARERS } from '@waken/contracts';
import type { SirBearer } from '@waken/client';
import type { FleetOptions } from './fleet-options';
import { isPolicyPreset, POLICY_PRESETS } from './policy-presets';

export interface CliOptions {
  readonly fleet: FleetOptions;
  /** Seconds to run before reporting and stopping; undefined: until SIGINT/SIGTERM. */
  readonly durationS?: number;
  readonly reportPath?: string;
}

export const USAGE = `usage: terminal-sim --users N --devices K [--bearers sip,sms,udp,http] [--connected ratio]
  [--connect-mode flag|session] [--policy ${POLICY_PRESETS.join('|')}] [--duration s] [--report out.json]
  [--fleet fleet.json | --master <base64>] [--devices-per-socket n] [--host-base 127.0.0.2] [--ppg sip:ppg@example.com]
  [--session-idle s]
keys: --fleet (what the registry returned on client creation) or --master / SIR_MASTER_KEY (derived)`;

/** Parses the command line; throws RangeError with the usage text on anything wrong. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): CliOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      users: { type: 'string' }, devices: { type: 'string' }, bearers: { type: 'string' }, connected: { type: 'string' },
      'connect-mode': { type: 'string' }, policy: { type: 'string' }, duration: { type: 'string' }, report: { type: 'string' },
      fleet: { type: 'string' }, master: { type: 'string' }, 'devices-per-socket': { type: 'string' }, 'host-base': { type: 'string' },
      ppg: { type: 'string' }, 'session-idle': { type: 'string' },
    },
  });
  const policy = values.policy ?? 'accept';
  if (!isPolicyPreset(policy)) throw new RangeError(`unknown policy ${policy}\n${USAGE}`);
  const mode = values['connect-mode'] ?? 'flag';
  if (mode !== 'flag' && mode !== 'session') throw new RangeError(`unknown connect mode ${mode}\n${USAGE}`);
  const fleet: FleetOptions = {
    users: int(values.users, 'users', 1),
    devicesPerUser: int(values.devices, 'devices', 1, 10), // Kamailio keeps at most 10 contacts per AOR (max_contacts)
    keys: keys(values.fleet, values.master ?? env.SIR_MASTER_KEY),
    bearers: bearers(values.bearers ?? 'sip'),
    connectedRatio: ratio(values.connected ?? '0'),
    connectMode: mode,
    policy,
    ...(values['devices-per-socket'] !== undefined && { devicesPerSocket: int(values['devices-per-socket'], 'devices-per-socket', 1) }),
    ...(values['host-base'] !== undefined && { hostBase: values['host-base'] }),
    ...(values.ppg !== undefined && { ppgAddress: values.ppg }),
    ...(values['session-idle'] !== undefined && { sessionIdleMs: int(values['session-idle'], 'session-idle', 1) * 1000 }),
  };
  return {
    fleet,
    ...(values.duration !== undefined && { durationS: int(values.duration, 'duration', 1) }),
    ...(values.report !== undefined && { reportPath: values.report }),
  };
}

function int(text: string | undefined, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(text);
  if (text === undefined || !Number.isInteger(n) || n < min || n > max) throw new RangeError(`--${name} must be an integer in ${min}..${max}\n${USAGE}`);
  return n;
}

function ratio(text: string): number {
  const n = Number(text);
  if (!(n >= 0 && n <= 1)) throw new RangeError(`--connected must be within 0..1\n${USAGE}`);
  return n;
}

function bearers(text: string): SirBearer[] {
  const list = text.split(',').map((b) => b.trim()).filter(Boolean);
  const bad = list.find((b) => !(BEARERS as readonly string[]).includes(b));
  if (bad !== undefined || list.length === 0) throw new RangeError(`unknown bearer ${bad ?? '(none)'}\n${USAGE}`);
  return list as SirBearer[];
}

function keys(fleetFile: string | undefined, master: string | undefined): FleetOptions['keys'] {
  if (fleetFile !== undefined) return { fleetFile };
  const bytes = master === undefined ? undefined : new Uint8Array(Buffer.from(master, 'base64'));
  if (!bytes || bytes.length < 16) throw new RangeError(`give --fleet, or --master / SIR_MASTER_KEY (base64, ≥ 16 bytes)\n${USAGE}`);
  return { master: bytes };
}
