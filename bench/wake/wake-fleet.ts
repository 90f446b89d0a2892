import { randomInt } from 'node:crypto';
import { FleetHandle, SimDevice, startFleet } from '../../apps/terminal-sim/src';
import { BENCH_TENANT, PipelineCluster } from '../pipeline/pipeline-cluster';
import { UserSpec } from '../pipeline/user-provisioner';

export interface WakeFleetOptions {
  users: number;
  devicesPerUser: number;
  sessionIdleMs: number;
}

/**
 * N users × K SDK devices (apps/terminal-sim's fleet of `WakenDevice`s) registered at the real
 * Kamailio under unique AORs, each with its own `+sip.instance`; keys derived from the cluster's
 * master secret, as the registry derives them for a client's first key (seed §C2 verifies them).
 * Device policy 'accept': a SIR without identity wakes the device, the prior art's behaviour.
 */
export async function startWakeFleet(cluster: PipelineCluster, o: WakeFleetOptions): Promise<FleetHandle> {
  return startFleet({
    users: o.users, devicesPerUser: o.devicesPerUser, keys: { master: cluster.master }, tenantId: BENCH_TENANT,
    ppgAddress: cluster.ppgAor, userPrefix: `+39${randomInt(10000, 99999)}`, policy: 'accept', sessionIdleMs: o.sessionIdleMs,
    devicesPerSocket: o.devicesPerUser, hostBase: '127.0.9.2', seed: `bench-${cluster.suffix}`,
  });
}

/** The fleet as registry users: each client woken by a SIP MESSAGE to its GRUU (seed §S7). */
export function fleetUsers(fleet: FleetHandle): UserSpec[] {
  const byUser = new Map<string, UserSpec>();
  for (const d of fleet.devices) {
    const aor = d.spec.profile.publicUserIdentity;
    const user = byUser.get(aor) ?? { aor, clients: [] };
    user.clients.push({ clientId: d.spec.id, instanceId: d.spec.instanceId, activation: { bearer: 'sip', address: `${aor};gr=${d.spec.instanceId}` } });
    byUser.set(aor, user);
  }
  return [...byUser.values()];
}

/** Every SIR a device got has had its outcome (session, not needed, rejected, or failed). */
export function settled(d: SimDevice): boolean {
  const r = d.device.report();
  const sum = (c: Readonly<Record<string, number>>) => Object.values(c).reduce((a, b) => a + b, 0);
  return r.sirsReceived <= r.sessionsOpened + r.wakeupsNotNeeded + sum(r.rejectedSirs) + sum(r.sessionErrors);
}
