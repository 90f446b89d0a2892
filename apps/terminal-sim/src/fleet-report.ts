import type { DeviceReport } from '@waken/client-runtime';
import type { ResourceUsage } from './resource-meter';

export interface SimDeviceReport extends DeviceReport {
  readonly instanceId: string;
  readonly gruu?: string;
  readonly connected: boolean;
}

export interface FleetTotals {
  readonly devices: number;
  readonly registered: number;
  readonly sirsReceived: number;
  readonly sirsAccepted: number;
  readonly sessionsOpened: number;
  readonly pushesReceived: number;
  readonly wakeupsNotNeeded: number;
  readonly rejectedSirs: Record<string, number>;
  readonly sessionErrors: Record<string, number>;
}

export interface FleetReport {
  readonly generatedAt: string;
  readonly startup: { readonly ms: number; readonly sockets: number; readonly devicesPerSocket: number };
  readonly resources: ResourceUsage;
  readonly totals: FleetTotals;
  readonly devices: readonly SimDeviceReport[];
}

/** Sums the per-device counters (seed "effect": SIRs and sessions per woken device). */
export function totalsOf(devices: readonly SimDeviceReport[]): FleetTotals {
  const add = (into: Record<string, number>, from: Readonly<Record<string, number>>) => {
    for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
  };
  const rejectedSirs: Record<string, number> = {};
  const sessionErrors: Record<string, number> = {};
  const sum = (pick: (d: SimDeviceReport) => number) => devices.reduce((n, d) => n + pick(d), 0);
  for (const d of devices) {
    add(rejectedSirs, d.rejectedSirs);
    add(sessionErrors, d.sessionErrors);
  }
  return {
    devices: devices.length,
    registered: devices.filter((d) => d.gruu !== undefined).length,
    sirsReceived: sum((d) => d.sirsReceived),
    sirsAccepted: sum((d) => d.sirsAccepted),
    sessionsOpened: sum((d) => d.sessionsOpened),
    pushesReceived: sum((d) => d.pushesReceived),
    wakeupsNotNeeded: sum((d) => d.wakeupsNotNeeded),
    rejectedSirs,
    sessionErrors,
  };
}
