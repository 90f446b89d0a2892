import { UdpSirReceiver, WakenDevice, type SirOutcome } from '@waken/client-runtime';
import { FleetNetwork } from './fleet-network';
import { resolveFleetOptions, type FleetOptions, type ResolvedFleetOptions } from './fleet-options';
import { planFleet, type SimDeviceSpec } from './fleet-plan';
import { totalsOf, type FleetReport, type SimDeviceReport } from './fleet-report';
import { policyFor } from './policy-presets';
import { ResourceMeter } from './resource-meter';

/** One running simulated device. */
export interface SimDevice {
  readonly spec: SimDeviceSpec;
  readonly device: WakenDevice;
  /** SIP contact on its hub; the registrar maps the GRUU to it. */
  readonly contact: string;
  readonly udpPort?: number;
  readonly httpUrl?: string;
}

export interface FleetHandle {
  readonly devices: readonly SimDevice[];
  readonly startupMs: number;
  find(id: string): SimDevice | undefined;
  /** The SMS bearer: TP-User-Data values (UDH + data) for one device, in arrival order. */
  deliverSms(id: string, segments: readonly Uint8Array[], origin?: string): Promise<SirOutcome[]>;
  report(): FleetReport;
  stop(): Promise<void>;
}

/**
 * Starts N users × K devices (seed: one public identity, several clients), each registered with
 * Kamailio under its user's AOR with its own `+sip.instance`, reacting to SIRs through the SDK.
 */
export async function startFleet(options: FleetOptions): Promise<FleetHandle> {
  const o = resolveFleetOptions(options);
  const meter = new ResourceMeter();
  const network = new FleetNetwork({ ...o, http: o.bearers.includes('http') });
  const udp: UdpSirReceiver[] = [];
  const specs = planFleet(o);
  const devices: SimDevice[] = [];
  try {
    for (const [i, spec] of specs.entries()) devices.push(await createDevice(spec, i, o, network, udp));
    await runLimited(devices, o.registerConcurrency, (d) => d.device.start());
    await runLimited(devices.filter((d) => d.spec.connected), o.registerConcurrency, (d) => connect(d, o));
  } catch (e) {
    await shutdown(devices, udp, network);
    throw e;
  }
  const startupMs = Math.round(meter.sample().uptimeMs);
  const byId = new Map(devices.map((d) => [d.spec.id, d]));
  return {
    devices,
    startupMs,
    find: (id) => byId.get(id),
    deliverSms: async (id, segments, origin) => {
      const target = byId.get(id);
      if (!target) throw new RangeError(`no device ${id}`);
      const outcomes: SirOutcome[] = [];
      for (const s of segments) outcomes.push(await target.device.receiveSms(s, origin ?? '+4369900000'));
      return outcomes;
    },
    report: () => reportOf(devices, startupMs, network.socketCount + udp.length, o.devicesPerSocket, meter),
    stop: () => shutdown(devices, udp, network),
  };
}

type Settings = ResolvedFleetOptions;

async function createDevice(spec: SimDeviceSpec, index: number, o: Settings, network: FleetNetwork, udp: UdpSirReceiver[]): Promise<SimDevice> {
  const hub = await network.hubFor(index);
  const contactUser = `d${index}`;
  const device = new WakenDevice({
    id: spec.id, profile: spec.profile, policy: policyFor(o.policy, spec.deviceIndex), sessionIdleMs: o.sessionIdleMs,
    sip: { hub, contactUser, instanceId: spec.instanceId, register: o.bearers.includes('sip'), registerExpires: o.registerExpires },
  });
  const receiver = o.bearers.includes('udp') ? await UdpSirReceiver.open({ host: hub.proxied.host, deliver: (d) => device.receiveDatagram(d) }) : undefined;
  if (receiver) udp.push(receiver);
  const httpUrl = await network.httpUrlFor(hub, spec.id, device);
  return { spec, device, contact: hub.contactFor(contactUser), ...(receiver && { udpPort: receiver.port }), ...(httpUrl && { httpUrl }) };
}

/** seed §S10: a connected device either holds a real session or is marked connected (no PPG needed). */
async function connect(d: SimDevice, o: Settings): Promise<void> {
  if (o.connectMode === 'session') await d.device.connect(o.ppgAddress);
  else d.device.markConnected(true);
}

function reportOf(devices: readonly SimDevice[], startupMs: number, sockets: number, perSocket: number, meter: ResourceMeter): FleetReport {
  const reports: SimDeviceReport[] = devices.map(({ spec, device }) => {
    const gruu = device.registration?.pubGruu;
    return { ...device.report(), instanceId: spec.instanceId, connected: device.connected, ...(gruu && { gruu }) };
  });
  return {
    generatedAt: new Date().toISOString(),
    startup: { ms: startupMs, sockets, devicesPerSocket: perSocket },
    resources: meter.sample(),
    totals: totalsOf(reports),
    devices: reports,
  };
}

async function shutdown(devices: readonly SimDevice[], udp: readonly UdpSirReceiver[], network: FleetNetwork): Promise<void> {
  await runLimited(devices, 100, (d) => d.device.stop());
  await Promise.allSettled(udp.map((r) => r.close()));
  await network.close();
}

/** At most `limit` calls in flight; the first failure rejects after the others settle. */
async function runLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const errors: unknown[] = [];
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item).catch((e: unknown) => void errors.push(e));
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (errors.length > 0) throw errors[0];
}
