import { PipelineBenchResult } from './pipeline-bench';
import { PIPELINE_APPS } from './pipeline-cluster';

const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** The `pipeline` object of latest.json, with the per-service breakdown that says what limits it. */
export function pipelineSection(r: PipelineBenchResult) {
  const t = r.throughput;
  const l = r.latency;
  const services = PIPELINE_APPS.filter((a) => t.usage.byProcess[a]);
  const serviceCpu = services.reduce((sum, a) => sum + t.usage.byProcess[a].cpuMs, 0);
  const delivered = Math.max(1, t.pushesPerSecond * (t.usage.ms / 1000));
  const byService = (f: (a: string) => number) => Object.fromEntries(services.map((a) => [a, f(a)]));
  const context = Object.fromEntries(Object.entries(t.usage.byProcess).filter(([n]) => !services.includes(n as never)).map(([n, u]) => [n, { corePct: u.corePct, cpuMs: u.cpuMs }]));
  const busiest = [...services].sort((a, b) => t.usage.byProcess[b].cpuMs - t.usage.byProcess[a].cpuMs)[0];
  const peak = (a: string) => Math.max(t.usage.byProcess[a]?.peakRssMiB ?? 0, l.usage.byProcess[a]?.peakRssMiB ?? 0);
  return {
    pushesPerSecond: t.pushesPerSecond,
    acceptedPerSecond: t.acceptedPerSecond,
    target: 5000,
    meetsTarget: t.pushesPerSecond >= 5000,
    measuredAs: 'distinct SIRs arriving at the UDP sink per second in the window after the warm-up; closed-loop load capped by the pipeline backlog',
    windowS: t.options.windowS,
    warmupS: t.options.warmupS,
    perSecond: t.perSecond,
    cpuMsPerPush: t.cpuMsPerPush,
    cpuMsPerPushByService: byService((a) => round3(t.usage.byProcess[a].cpuMs / delivered)),
    cpuSharePctByService: byService((a) => Math.round((t.usage.byProcess[a].cpuMs / Math.max(1, serviceCpu)) * 1000) / 10),
    coresUsedByService: byService((a) => Math.round(t.usage.byProcess[a].corePct * 10) / 1000),
    rssMiB: byService(peak),
    machineBusyPct: t.usage.machineBusyPct,
    contextCpu: context,
    busiestService: busiest,
    consumersBehind: consumersBehind(r),
    kafkaBatchesInWindow: t.observations?.kafkaBatches,
    databasePerPush: t.observations?.databasePerPush,
    serviceLogs: r.serviceLogs,
    exactlyOnce: t.exactlyOnce,
    drainS: t.drainS,
    load: { concurrency: t.options.concurrency, backlogCap: t.options.backlogCap, submitted: t.load.submitted, accepted: t.load.accepted, statuses: t.load.statuses, errors: t.load.errors, answerMs: t.load.answerMs },
    provisioning: {
      via: 'registry REST API (POST /v1/users, POST /v1/users/{id}/clients), 32 concurrent',
      users: r.provisioning.users.length, clients: r.provisioning.clients, skippedForBudget: r.provisioning.skipped,
      requests: r.provisioning.requests, seconds: r.provisioning.seconds, requestsPerSecond: r.provisioning.perSecond,
    },
    latencyMs: {
      p50: l.p50, p99: l.p99, p999: l.p999, max: l.max,
      ratePerS: l.ratePerS, rateNote: r.latencyRateNote, achievedPerS: l.achievedPerS, durationS: l.durationS, samples: l.samples,
      target: { p99: 50, ratePerS: 1000 },
      meetsTarget: l.p99 < 50 && l.ratePerS >= 1000 && l.unmatched === 0,
      measuredAs: 'DeliveryReportedV1.onWireAt (delivery-udp handed the SIR to its socket) minus the accept time',
      acceptSource: l.acceptSource, acceptedAtFilled: l.acceptedAtFilled, unmatched: l.unmatched,
      fromRequestMs: l.fromRequestMs, httpAnswerMs: l.load.answerMs, generatorMaxBehind: l.load.maxBehind, statuses: l.load.statuses,
      cpuShare: l.cpuShare,
      hops: l.hops,
    },
    pids: r.pids,
  };
}

/** Consumers that handled under 90% of the pipeline's rate in the window: their lag only grows at this load. */
export function consumersBehind(r: PipelineBenchResult): string[] {
  const rate = r.throughput.pushesPerSecond;
  return Object.entries(r.throughput.observations?.kafkaBatches ?? {}).flatMap(([app, topics]) =>
    Object.entries(topics)
      .filter(([, b]) => b.recordsPerS < rate * 0.9)
      .map(([topic, b]) => `${app} on ${topic}: ${b.recordsPerS}/s of ${rate}/s (batches of ${b.avgBatch} taking ${b.avgHandlerMs} ms), lag ${b.lagAtEnd ?? '?'} records at the end of the window`),
  );
}
