import { cpus, loadavg, release, totalmem } from 'node:os';
import { ChartPanel, renderChart } from '../lib/svg-chart';
import { EmbeddedBenchResult } from '../embedded/embedded-bench';
import { WakeBenchResult } from '../wake/wake-bench';
import { BenchOptions } from './bench-settings';
import { PipelineBenchResult } from './pipeline-bench';
import { consumersBehind, pipelineSection } from './pipeline-section';

export const TARGETS = { pushesPerSecond: 5000, latencyP99Ms: 50, sirsPerTargetedDevice: 1, sessionsPerTargetedDevice: 1 } as const;

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  kernel: string;
  loadAverageAtStart: number[];
}

export interface BenchResults {
  startedAt: string;
  durationS: number;
  options: BenchOptions;
  machine: MachineInfo;
  notes: string[];
  pipeline?: PipelineBenchResult;
  wake?: WakeBenchResult;
  embedded?: EmbeddedBenchResult;
}

export function machineInfo(): MachineInfo {
  return {
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    kernel: release(),
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}

const SKIPPED = { skipped: true } as const;

/** The JSON of bench/results/latest.json: figures, targets, and whether each is met. */
export function summarise(r: BenchResults) {
  const pipeline = r.pipeline ? pipelineSection(r.pipeline) : SKIPPED;
  const wake = r.wake ? wakeSection(r.wake.targeted, r.wake) : SKIPPED;
  const baseline = r.wake ? wakeSection(r.wake.baseline, r.wake) : SKIPPED;
  const embedded = r.embedded ? embeddedSection(r.embedded) : SKIPPED;
  return {
    startedAt: r.startedAt,
    durationS: r.durationS,
    options: r.options,
    machine: r.machine,
    targets: TARGETS,
    headline: {
      pipelinePushesPerSecond: r.pipeline?.throughput.pushesPerSecond ?? null,
      pipelineLatencyP99Ms: r.pipeline?.latency.p99 ?? null,
      pipelineLatencyRatePerS: r.pipeline?.latency.ratePerS ?? null,
      embeddedPushesPerSecond: r.embedded?.throughput.pushesPerSecond ?? null,
      wakeSirsPerTargetedDevice: r.wake?.targeted.sirsPerTargetedDevice ?? null,
      wakeSessionsPerTargetedDevice: r.wake?.targeted.sessionsPerTargetedDevice ?? null,
      baselineSirsPerTargetedDevice: r.wake?.baseline.sirsPerTargetedDevice ?? null,
      baselineSessionsPerTargetedDevice: r.wake?.baseline.sessionsPerTargetedDevice ?? null,
    },
    pipeline,
    wake,
    baseline,
    embedded,
    notes: [...notesOf(r), ...r.notes],
  };
}

/** What a reader of the figures must know: settings that differ from production, and what is off. */
function notesOf(r: BenchResults): string[] {
  const notes = ['services run from their sources (apps/<app>/src/main.ts, swc on require) with LOG_LEVEL=warn; delivery-udp with UDP_TRANSMISSIONS=1 (one datagram per SIR instead of 3 copies)'];
  const p = r.pipeline;
  if (p) {
    if (p.latency.acceptSource !== 'DeliveryReportedV1.acceptedAt') {
      notes.push('DeliveryReportedV1.acceptedAt is not filled end to end (PushResolvedV1, SirRequestedV1 and SirComposedV1 do not carry acceptedAt, so the encapsulator cannot copy it): latencies start at the bench receiving the 202 answer');
    }
    if (p.latency.ratePerS < 1000) notes.push(`latency: ${p.latencyRateNote}`);
    for (const c of consumersBehind(p)) notes.push(`does not keep up at the measured rate (its lag grows; outcomes and notifications fall behind, the SIRs do not): ${c}`);
    const busy = p.throughput.usage.machineBusyPct;
    if (busy > 90) notes.push(`the machine was ${busy}% busy during the throughput window (2 cores shared with Kafka, PostgreSQL, Kamailio and other engineers' test runs): the pipeline is CPU-bound and the figures are noisy`);
  }
  if (r.wake && r.wake.targeted.sipLatencyMs.acceptSource !== 'DeliveryReportedV1.acceptedAt') notes.push('wake SIP latency: from the bench receiving the 202 answer to delivery-sip putting the MESSAGE on the wire');
  return notes;
}

export type BenchJson = ReturnType<typeof summarise>;

function wakeSection(m: WakeBenchResult['targeted'], w: WakeBenchResult) {
  const exact = m.sirsPerTargetedDevice === TARGETS.sirsPerTargetedDevice && m.sessionsPerTargetedDevice === TARGETS.sessionsPerTargetedDevice;
  return {
    policy: m.policy === 'auto' ? 'auto (targeted SIR to the GRUU, seed §S7)' : 'broadcast (one SIR to the AOR, forked by Kamailio to every device; seed §S9, the prior art)',
    devicePolicy: "SDK default 'accept': a device connects on every SIR it accepts",
    users: w.users,
    devicesPerUser: w.devicesPerUser,
    targetedDevices: m.targetedDevices,
    pushesDelivered: m.delivered,
    sirsPerTargetedDevice: m.sirsPerTargetedDevice,
    sessionsPerTargetedDevice: m.sessionsPerTargetedDevice,
    nonTargetWakeups: m.nonTargetWakeups,
    sirsSentByPpg: m.sirsSent,
    // the baseline (prior art) is expected to miss it: that is the seed's effect
    meetsTarget: exact && m.nonTargetWakeups === 0 && m.delivered === m.targetedDevices,
    sipLatencyMs: m.sipLatencyMs,
    hops: m.hops,
    rounds: m.rounds.map(({ pushes202: _ids, ...c }) => c),
  };
}

function embeddedSection(e: EmbeddedBenchResult) {
  const t = e.throughput;
  return {
    pushesPerSecond: t.pushesPerSecond,
    acceptedPerSecond: t.acceptedPerSecond,
    meetsTarget: t.pushesPerSecond >= TARGETS.pushesPerSecond,
    perSecond: t.perSecond,
    cpuMsPerPush: t.cpuMsPerPush,
    cpu: t.usage.byProcess,
    machineBusyPct: t.usage.machineBusyPct,
    allAcceptedDelivered: e.allDelivered,
    accepted: t.accepted,
    distinctSirsAtSink: t.sirsAfterDrain,
    load: { concurrency: t.options.concurrency, backlogCap: t.options.backlogCap, statuses: t.load.statuses, answerMs: t.load.answerMs },
    provisioning: { ...e.provisioning, via: 'registry REST API (embedded)' },
    windowS: t.options.windowS,
    warmupS: t.options.warmupS,
    note: 'in the bench process: the UDP sink shares its CPU; one PGlite database, the in-process broker; delivery-udp sends 2 copies per SIR (embedded defaults), counted once',
  };
}

/** latest.svg: throughput vs 5,000/s, latency vs 50 ms, wake precision vs the prior art, CPU per push. */
export function renderResultsChart(j: BenchJson): string {
  const p = 'pushesPerSecond' in j.pipeline ? j.pipeline : undefined;
  const e = 'pushesPerSecond' in j.embedded ? j.embedded : undefined;
  const w = 'sirsPerTargetedDevice' in j.wake ? j.wake : undefined;
  const b = 'sirsPerTargetedDevice' in j.baseline ? j.baseline : undefined;
  const nan = Number.NaN;
  const panels: ChartPanel[] = [
    { title: 'Throughput', unit: 'pushes/s', bars: [{ label: 'pipeline', value: p?.pushesPerSecond ?? nan }, { label: 'embedded', value: e?.pushesPerSecond ?? nan }], target: { value: TARGETS.pushesPerSecond, label: 'target 5,000/s' } },
    {
      title: `Accept → on wire at ${p?.latencyMs.ratePerS ?? '?'}/s`, unit: 'ms',
      bars: [{ label: 'p50', value: p?.latencyMs.p50 ?? nan }, { label: 'p99', value: p?.latencyMs.p99 ?? nan }, { label: 'p99.9', value: p?.latencyMs.p999 ?? nan }],
      target: { value: TARGETS.latencyP99Ms, label: 'p99 target 50 ms' },
    },
    {
      title: 'Wake precision', unit: 'per targeted device',
      bars: [
        { label: 'SIRs', value: w?.sirsPerTargetedDevice ?? nan }, { label: 'sessions', value: w?.sessionsPerTargetedDevice ?? nan },
        { label: 'prior SIRs', value: b?.sirsPerTargetedDevice ?? nan }, { label: 'prior sess.', value: b?.sessionsPerTargetedDevice ?? nan },
      ],
      target: { value: 1, label: 'target 1' },
    },
  ];
  if (p) panels.push({ title: 'Pipeline CPU per push', unit: 'ms', bars: Object.entries(p.cpuMsPerPushByService).map(([n, v]) => ({ label: short(n), value: v })) });
  if (p) panels.push({ title: 'Pipeline peak RSS', unit: 'MiB', bars: Object.entries(p.rssMiB).map(([n, v]) => ({ label: short(n), value: v })) });
  return renderChart('Waken bench (npm run bench)', panels, `${j.startedAt} · ${j.machine.cores} cores · ${j.machine.node} · load ${j.machine.loadAverageAtStart.join(' ')} at start`);
}

function short(name: string): string {
  const labels: Record<string, string> = { 'push-intake': 'intake', registry: 'regist.', 'id-check': 'id-chk', 'sir-composer': 'sir', encapsulator: 'encap', 'delivery-udp': 'udp', session: 'sess.' };
  return labels[name] ?? name;
}
