import { percentiles } from '../lib/stats';
import { CpuMeters, WindowUsage, describeShares } from './cpu-meters';
import { LoadStats } from './load-plan';
import { PipelineContext } from './pipeline-context';
import { PipelineTap } from './pipeline-tap';
import { windowElapse } from './progress';
import { drain } from './throughput-phase';
import { HopLatency, stageBreakdown } from './stage-breakdown';

export interface LatencyResult {
  ratePerS: number;
  achievedPerS: number;
  durationS: number;
  samples: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
  /** Where "accepted" comes from: intake's acceptedAt carried to DeliveryReportedV1, or the bench's 202. */
  acceptSource: 'DeliveryReportedV1.acceptedAt' | 'bench: 202 answer';
  acceptedAtFilled: number;
  /** The same pushes from the bench's side: request sent → SIR on the wire (includes the HTTP exchange). */
  fromRequestMs: { p50: number; p99: number; p999: number };
  load: LoadStats;
  unmatched: number;
  cpuShare: string;
  usage: WindowUsage;
  /** p50/p99 per hop: which service adds the latency. */
  hops: HopLatency[];
}

/**
 * pipeline.latencyMs: open-loop submission at a fixed rate (pushes are sent on schedule whatever the
 * answers, so queueing shows up as latency); per push, onWireAt (delivery-udp handed the SIR to its
 * socket, from DeliveryReportedV1) minus acceptedAt (intake's accept time carried through the
 * events), matched by the internal push id.
 */
export async function measureLatency(ctx: PipelineContext & { tap: PipelineTap }, ratePerS: number, durationS: number, drainS: number): Promise<LatencyResult> {
  const base = ctx.sink.distinctSirs;
  const meters = new CpuMeters(ctx.servicePids);
  const load = ctx.generator.run({ label: 'latency', url: ctx.intakeUrl, apiKey: ctx.apiKey, targets: ctx.targets, mode: 'paced', ratePerS, concurrency: 512 });
  const stopProgress = ctx.progress.every(3000, 'pipeline latency', () => {
    const s = load.latest();
    return `${ratePerS}/s paced: accepted ${s?.accepted ?? 0}, at the sink ${ctx.sink.distinctSirs - base}, HTTP in flight ${s?.inflight ?? 0}, behind schedule ${s?.behind ?? 0}`;
  });
  meters.start();
  await windowElapse(durationS * 1000);
  const stats = await load.stop();
  const usage = meters.stop();
  stopProgress();
  await drain(ctx, base, stats.accepted, drainS, 'pipeline latency');
  const fromAccept: number[] = [];
  const fromRequest: number[] = [];
  const fromAnswer: number[] = [];
  let filled = 0;
  let unmatched = 0;
  for (const [id, sentAt, answeredAt] of load.accepted) {
    const wire = ctx.tap.of(id);
    if (wire?.onWireAt === undefined) {
      unmatched += 1;
      continue;
    }
    if (wire.acceptedAt !== undefined) {
      filled += 1;
      fromAccept.push(wire.onWireAt - wire.acceptedAt);
    }
    fromRequest.push(wire.onWireAt - sentAt);
    fromAnswer.push(wire.onWireAt - answeredAt);
  }
  // acceptedAt must be filled end to end; if it is not, the 202 answer is the accept time
  const complete = filled === load.accepted.length - unmatched && filled > 0;
  const main = percentiles(complete ? fromAccept : fromAnswer);
  const req = percentiles(fromRequest);
  return {
    ratePerS,
    achievedPerS: Math.round(stats.accepted / durationS),
    durationS,
    samples: main.count,
    p50: main.p50,
    p99: main.p99,
    p999: main.p999,
    max: main.max,
    acceptSource: complete ? 'DeliveryReportedV1.acceptedAt' : 'bench: 202 answer',
    acceptedAtFilled: filled,
    fromRequestMs: { p50: req.p50, p99: req.p99, p999: req.p999 },
    load: stats,
    unmatched,
    cpuShare: describeShares(usage, Object.keys(ctx.servicePids)),
    usage,
    hops: stageBreakdown(load.accepted.map(([id, sentAt]) => ({ sentAt, wire: ctx.tap.of(id) })), 'udp'),
  };
}
