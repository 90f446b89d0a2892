import { percentiles } from '../lib/stats';
import { CpuMeters, WindowUsage, describeShares } from './cpu-meters';
import { ExactlyOnce, checkExactlyOnce } from './exactly-once';
import { LoadStats } from './load-plan';
import { PipelineContext } from './pipeline-context';
import { ServiceObservations } from './service-probes';
import { nowMs, pollUntil, windowElapse } from './progress';

export interface ThroughputOptions {
  warmupS: number;
  windowS: number;
  concurrency: number;
  /** Accepted pushes not yet seen at the sink, at most (closed loop over the whole pipeline). */
  backlogCap: number;
  drainS: number;
}

export interface ThroughputResult {
  pushesPerSecond: number;
  acceptedPerSecond: number;
  perSecond: { min: number; p50: number; max: number };
  cpuMsPerPush: number;
  usage: WindowUsage;
  load: LoadStats;
  /** Per push (distributed mode, from the reports); the embedded mode compares counts only. */
  exactlyOnce?: ExactlyOnce;
  sirsAfterDrain: number;
  accepted: number;
  drainS: number;
  options: ThroughputOptions;
  observations?: ServiceObservations;
}

/**
 * pipeline.pushesPerSecond: targeted pushes submitted as fast as the whole pipeline sustains
 * (closed loop with a backlog cap, so intake cannot run ahead of delivery), and counted where
 * they leave Waken: SIRs at the UDP sink per second in the window after the warm-up.
 */
export async function measureThroughput(ctx: PipelineContext, o: ThroughputOptions, phase = 'pipeline throughput'): Promise<ThroughputResult> {
  const { sink, progress } = ctx;
  const base = sink.distinctSirs;
  const load = ctx.generator.run({ label: phase, url: ctx.intakeUrl, apiKey: ctx.apiKey, targets: ctx.targets, mode: 'closed', concurrency: o.concurrency, backlogCap: o.backlogCap });
  const credit = setInterval(() => load.delivered(sink.distinctSirs - base), 50);
  let last = sink.mark();
  const stopProgress = progress.every(3000, phase, () => {
    const now = sink.mark();
    const rate = ((now.sirs - last.sirs) * 1000) / (now.at - last.at);
    last = now;
    const s = load.latest();
    return `${Math.round(rate)} SIRs/s at the sink; accepted ${s?.accepted ?? 0}, delivered ${sink.distinctSirs - base}, in flight ${s?.inflight ?? 0}`;
  });
  try {
    await windowElapse(o.warmupS * 1000);
    const meters = new CpuMeters({ ...ctx.servicePids, ...ctx.contextPids });
    await ctx.probes?.start();
    const start = sink.mark();
    const startMs = nowMs();
    meters.start();
    const perSecond: number[] = [];
    for (let i = 0; i < o.windowS; i++) {
      const before = sink.mark();
      await windowElapse(1000);
      perSecond.push(sink.mark().sirs - before.sirs);
    }
    const usage = meters.stop();
    const end = sink.mark();
    const endMs = nowMs();
    const delivered = end.sirs - start.sirs;
    const observations = await ctx.probes?.stop(delivered);
    const stats = await load.stop();
    const seconds = (end.at - start.at) / 1000;
    const acceptedInWindow = load.accepted.filter(([, , answeredAt]) => answeredAt >= startMs && answeredAt < endMs).length;
    const serviceCpu = Object.keys(ctx.servicePids).reduce((sum, n) => sum + (usage.byProcess[n]?.cpuMs ?? 0), 0);
    progress.line(phase, `window: ${Math.round(delivered / seconds)} SIRs/s; CPU share ${describeShares(usage, Object.keys(ctx.servicePids))}; machine ${usage.machineBusyPct}% busy`);
    const drainS = await drain(ctx, base, stats.accepted, o.drainS, phase);
    const p = percentiles(perSecond);
    return {
      pushesPerSecond: Math.round(delivered / seconds),
      acceptedPerSecond: Math.round(acceptedInWindow / seconds),
      perSecond: { min: Math.min(...perSecond), p50: p.p50, max: p.max },
      cpuMsPerPush: Math.round((serviceCpu / Math.max(1, delivered)) * 1000) / 1000,
      usage,
      load: stats,
      ...(ctx.tap && { exactlyOnce: checkExactlyOnce(load.accepted, ctx.tap, sink.bySir) }),
      sirsAfterDrain: sink.distinctSirs - base,
      accepted: stats.accepted,
      drainS,
      options: o,
      ...(observations && { observations }),
    };
  } finally {
    clearInterval(credit);
    stopProgress();
  }
}

/** Waits (bounded) until every accepted push is at the sink and reported; returns the seconds it took. */
export async function drain(ctx: PipelineContext, base: number, accepted: number, timeoutS: number, phase = 'pipeline'): Promise<number> {
  const t0 = performance.now();
  ctx.progress.line(phase, `draining: ${accepted - (ctx.sink.distinctSirs - base)} pushes still on their way`);
  await pollUntil(() => ctx.sink.distinctSirs - base >= accepted, timeoutS * 1000);
  const tap = ctx.tap;
  if (tap) await pollUntil(() => tap.sirReports >= ctx.sink.distinctSirs, Math.max(5, timeoutS / 2) * 1000);
  return Math.round((performance.now() - t0) / 100) / 10;
}
