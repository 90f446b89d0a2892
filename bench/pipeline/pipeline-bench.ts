import { randomUUID } from 'node:crypto';
import { LatencyResult, measureLatency } from './latency-phase';
import { LoadGenerator } from './load-generator';
import { LoadTarget } from './load-plan';
import { PIPELINE_APPS, PipelineCluster } from './pipeline-cluster';
import { PipelineContext } from './pipeline-context';
import { Progress } from './progress';
import { PipelineTap } from './pipeline-tap';
import { ThroughputOptions, ThroughputResult, measureThroughput } from './throughput-phase';
import { UdpSink } from './udp-sink';
import { ProvisionResult, UserSpec, provisionUsers } from './user-provisioner';
import { infrastructurePids } from './cpu-meters';
import { ServiceProbes } from './service-probes';

export interface PipelineSettings {
  users: number;
  clientsPerUser: number;
  provisionBudgetS: number;
  throughput: ThroughputOptions;
  /** Rate for the latency run; lowered to what the pipeline sustained when it is below. */
  latencyRatePerS: number;
  latencyS: number;
}

export interface PipelineBenchResult {
  provisioning: ProvisionResult & { clients: number };
  throughput: ThroughputResult;
  latency: LatencyResult;
  latencyRateNote: string;
  pids: Record<string, number>;
  /** Warnings/errors the services logged during the pipeline phases, by message. */
  serviceLogs: Record<string, Record<string, number>>;
}

/** Users whose every client is woken over UDP at the sink (seed §S2 activation method); ids apart from the wake fleet's `u<n>-d<k>`. */
export function udpUsers(count: number, clientsPerUser: number, sinkAddress: string, tag: string): UserSpec[] {
  return Array.from({ length: count }, (_, u) => ({
    aor: `sip:bench-${tag}-${u}@bench.example`,
    clients: Array.from({ length: clientsPerUser }, (_, d) => ({ clientId: `${tag}-u${u}-d${d}`, instanceId: `urn:uuid:${randomUUID()}`, activation: { bearer: 'udp' as const, address: sinkAddress } })),
  }));
}

/** Push i names client (i / users) % clients of user i % users: consecutive pushes go to different users. */
export function targetsOf(users: UserSpec[]): LoadTarget[] {
  const width = Math.max(...users.map((u) => u.clients.length));
  const targets: LoadTarget[] = [];
  for (let d = 0; d < width; d++) for (const u of users) if (u.clients[d]) targets.push({ aor: u.aor, instanceId: u.clients[d].instanceId });
  return targets;
}

/** The distributed pipeline's figures (issue 7, items 1 and 2) on a started cluster. */
export async function runPipelineBench(cluster: PipelineCluster, progress: Progress, s: PipelineSettings): Promise<PipelineBenchResult> {
  const sink = await UdpSink.open();
  const generator = await LoadGenerator.start();
  let tap: PipelineTap | undefined;
  try {
    progress.line('pipeline', `provisioning ${s.users} users × ${s.clientsPerUser} clients through the registry API (budget ${s.provisionBudgetS} s)`);
    const provisioning = await provisionUsers({
      registryUrl: cluster.url('registry'), adminToken: cluster.adminToken, users: udpUsers(s.users, s.clientsPerUser, sink.address, cluster.suffix),
      concurrency: 32, budgetMs: s.provisionBudgetS * 1000, onProgress: (n) => progress.line('pipeline', `${n} users provisioned`),
    });
    progress.line('pipeline', `${provisioning.users.length} users in ${provisioning.seconds} s (${provisioning.perSecond} API requests/s)`);
    const reports = await PipelineTap.start(cluster.brokers, cluster.topicPrefix);
    tap = reports;
    const pids = Object.fromEntries(PIPELINE_APPS.map((a) => [a, cluster.services.get(a)?.pid ?? -1]));
    const ctx: PipelineContext & { tap: PipelineTap } = {
      intakeUrl: cluster.url('push-intake'), apiKey: cluster.apiKey, sink, tap: reports, generator, progress, targets: targetsOf(provisioning.users),
      servicePids: Object.fromEntries(Object.entries(pids).map(([a, pid]) => [a, [pid]])),
      contextPids: { 'bench (sink, tap)': [process.pid], 'load generator': [generator.pid], ...infrastructurePids() },
      probes: new ServiceProbes(Object.fromEntries(PIPELINE_APPS.map((a) => [a, cluster.url(a)])), cluster.databaseNames, cluster.topicPrefix, cluster.brokers),
    };
    const throughput = await measureThroughput(ctx, s.throughput);
    const sustained = throughput.pushesPerSecond;
    const rate = sustained >= s.latencyRatePerS * 1.1 ? s.latencyRatePerS : Math.max(50, Math.floor((sustained * 0.8) / 50) * 50);
    const latencyRateNote = rate === s.latencyRatePerS ? `measured at ${rate}/s as asked` : `the pipeline sustained ${sustained}/s, below ${s.latencyRatePerS}/s × 1.1: measured at ${rate}/s (80% of it)`;
    progress.line('pipeline latency', `open loop at ${rate}/s for ${s.latencyS} s (${latencyRateNote})`);
    const latency = await measureLatency(ctx, rate, s.latencyS, s.throughput.drainS);
    progress.line('pipeline latency', `accept → on wire p50 ${latency.p50} ms, p99 ${latency.p99} ms, p99.9 ${latency.p999} ms (${latency.samples} pushes); CPU share ${latency.cpuShare}`);
    return {
      provisioning: { ...provisioning, clients: provisioning.users.length * s.clientsPerUser },
      throughput, latency, latencyRateNote, pids: { ...pids, 'load generator': generator.pid }, serviceLogs: cluster.logDigest(),
    };
  } finally {
    await tap?.stop();
    await generator.close();
    await sink.close();
  }
}
