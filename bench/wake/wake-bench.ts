import { FleetHandle, SimDevice } from '../../apps/terminal-sim/src';
import { percentiles } from '../lib/stats';
import { PipelineCluster } from '../pipeline/pipeline-cluster';
import { Progress, pollUntil } from '../pipeline/progress';
import { PipelineTap } from '../pipeline/pipeline-tap';
import { HopLatency, stageBreakdown } from '../pipeline/stage-breakdown';
import { provisionUsers } from '../pipeline/user-provisioner';
import { RoundContext, RoundCounts, runRound } from './wake-round';
import { fleetUsers, startWakeFleet } from './wake-fleet';

export interface WakeSettings {
  users: number;
  devicesPerUser: number;
  rounds: number;
  sessionIdleMs: number;
  roundTimeoutS: number;
}

export interface WakeMode {
  policy: 'auto' | 'broadcast';
  rounds: RoundCounts[];
  targetedDevices: number;
  delivered: number;
  sirsPerTargetedDevice: number;
  sessionsPerTargetedDevice: number;
  nonTargetWakeups: number;
  /** SIRs the PPG put on the wire (DeliveryReportedV1, kind sir, distinct sirIds). */
  sirsSent: number;
  /** accept → SIP MESSAGE on the wire (DeliveryReportedV1.onWireAt of delivery-sip). */
  sipLatencyMs: { p50: number; p99: number; samples: number; acceptSource: string };
  hops: HopLatency[];
}

export interface WakeBenchResult {
  users: number;
  devicesPerUser: number;
  fleetStartupMs: number;
  targeted: WakeMode;
  baseline: WakeMode;
}

/**
 * issue 7, item 3: the seed's effect through real Kamailio with SDK devices. The same targeted
 * pushes twice: with the users' default policy (auto → targeted SIR to the GRUU, seed §S7) and with
 * `broadcast` (one SIR to the AOR that Kamailio forks to every device, seed §S9 / the prior art),
 * the devices connecting on every SIR they accept.
 */
export async function runWakeBench(cluster: PipelineCluster, progress: Progress, s: WakeSettings): Promise<WakeBenchResult> {
  progress.line('wake', `starting ${s.users} users × ${s.devicesPerUser} SDK devices at Kamailio`);
  const fleet = await startWakeFleet(cluster, s);
  const tap = await PipelineTap.start(cluster.brokers, cluster.topicPrefix, 'now');
  try {
    const users = fleetUsers(fleet);
    const registry = cluster.url('registry');
    const provisioned = await provisionUsers({ registryUrl: registry, adminToken: cluster.adminToken, users, concurrency: 16, budgetMs: 120_000 });
    progress.line('wake', `${fleet.devices.length} devices registered in ${fleet.startupMs} ms; ${provisioned.users.length} users in the registry`);
    const ctx: RoundContext = { fleet, intakeUrl: cluster.url('push-intake'), apiKey: cluster.apiKey, timeoutMs: s.roundTimeoutS * 1000 };
    const targeted = await runMode(ctx, cluster, tap, progress, s, 'auto');
    await setPolicy(cluster, users.map((u) => u.aor), 'broadcast');
    const baseline = await runMode(ctx, cluster, tap, progress, s, 'broadcast');
    return { users: s.users, devicesPerUser: s.devicesPerUser, fleetStartupMs: fleet.startupMs, targeted, baseline };
  } finally {
    await tap.stop();
    await fleet.stop();
  }
}

async function runMode(ctx: RoundContext, cluster: PipelineCluster, tap: PipelineTap, progress: Progress, s: WakeSettings, policy: WakeMode['policy']): Promise<WakeMode> {
  const rounds: RoundCounts[] = [];
  for (let r = 0; r < s.rounds; r++) {
    // each round targets another device of every user: (user + round) mod devices
    const targets = ctx.fleet.devices.filter((d) => d.spec.deviceIndex === (d.spec.userIndex + r) % s.devicesPerUser);
    const c = await runRound(ctx, targets);
    rounds.push(c);
    progress.line('wake', `${policy} round ${r + 1}/${s.rounds}: ${c.delivered}/${c.pushes} delivered; SIRs ${c.sirsToTargets} to targets + ${c.sirsToOthers} to others; sessions ${c.sessionsOfTargets} + ${c.sessionsOfOthers}`);
    await allDisconnected(ctx.fleet, cluster, progress);
  }
  return summariseMode(policy, rounds, tap);
}

function summariseMode(policy: WakeMode['policy'], rounds: RoundCounts[], tap: PipelineTap): WakeMode {
  const sum = (f: (c: RoundCounts) => number) => rounds.reduce((n, c) => n + f(c), 0);
  const targetedDevices = sum((c) => c.pushes);
  const pushes = rounds.flatMap((c) => c.pushes202).map(([id, sentAt, answeredAt]) => ({ wire: tap.of(id), sentAt, answeredAt }));
  // acceptedAt when the events carry it to the report; the bench's 202 otherwise (it does not yet)
  const carried = pushes.every((p) => p.wire?.acceptedAt !== undefined);
  const latency = percentiles(pushes.flatMap(({ wire, answeredAt }) => (wire?.onWireAt === undefined ? [] : [wire.onWireAt - (carried ? (wire.acceptedAt as number) : answeredAt)])));
  const per = (n: number) => Math.round((n / Math.max(1, targetedDevices)) * 1000) / 1000;
  return {
    policy,
    rounds,
    targetedDevices,
    delivered: sum((c) => c.delivered),
    sirsPerTargetedDevice: per(sum((c) => c.sirsToTargets + c.sirsToOthers)),
    sessionsPerTargetedDevice: per(sum((c) => c.sessionsOfTargets + c.sessionsOfOthers)),
    nonTargetWakeups: sum((c) => c.nonTargetWakeups),
    sirsSent: pushes.reduce((n, p) => n + (p.wire?.sirIds.length ?? 0), 0),
    sipLatencyMs: { p50: latency.p50, p99: latency.p99, samples: latency.count, acceptSource: carried ? 'DeliveryReportedV1.acceptedAt' : 'bench: 202 answer' },
    hops: stageBreakdown(pushes, 'sip'),
  };
}

/** Sessions end after the idle time; the next round must find every device asleep again, registry included (seed §S10). */
async function allDisconnected(fleet: FleetHandle, cluster: PipelineCluster, progress: Progress): Promise<void> {
  const asleep = (d: SimDevice) => !d.device.connected;
  if (!(await pollUntil(() => fleet.devices.every(asleep), 30_000, 200))) progress.line('wake', 'some devices still hold a session after 30 s');
  const aors = [...new Set(fleet.devices.map((d) => d.spec.profile.publicUserIdentity))];
  const offline = async () => {
    const views = await Promise.all(aors.map((aor) => registryGet(cluster, aor)));
    return views.every((v) => v.clients.every((c) => !c.presence?.connected));
  };
  if (!(await pollUntil(offline, 30_000, 300))) progress.line('wake', 'the registry still shows connected clients after 30 s');
}

interface UserViewJson {
  clients: Array<{ presence?: { connected: boolean } }>;
}

async function registryGet(cluster: PipelineCluster, aor: string): Promise<UserViewJson> {
  const res = await fetch(`${cluster.url('registry')}/v1/users/${encodeURIComponent(aor)}`, { headers: { authorization: `Bearer ${cluster.adminToken}` } });
  return (await res.json()) as UserViewJson;
}

async function setPolicy(cluster: PipelineCluster, aors: string[], wakePolicy: string): Promise<void> {
  for (const aor of aors) {
    const res = await fetch(`${cluster.url('registry')}/v1/users/${encodeURIComponent(aor)}`, {
      method: 'PATCH', headers: { authorization: `Bearer ${cluster.adminToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ wakePolicy }),
    });
    if (res.status !== 200) throw new Error(`PATCH ${aor}: ${res.status} ${await res.text()}`);
  }
}
