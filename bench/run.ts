// `npm run bench` (issue 7): the distributed pipeline on real Kafka + PostgreSQL (throughput,
// latency, CPU and memory per service), the wake precision through real Kamailio against the
// prior-art baseline, and the embedded single-process gateway. Writes bench/results/latest.json
// and latest.svg. Options: --quick (short run for development), --skip-wake, --skip-embedded,
// --skip-pipeline. Run through scripts/bench.sh, which starts the infrastructure it needs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PipelineCluster } from './pipeline/pipeline-cluster';
import { runPipelineBench } from './pipeline/pipeline-bench';
import { Progress } from './pipeline/progress';
import { BenchOptions, benchSettings, parseBenchArgs } from './pipeline/bench-settings';
import { BenchResults, machineInfo, renderResultsChart, summarise } from './pipeline/bench-results';
import { runWakeBench } from './wake/wake-bench';
import { runEmbeddedBench } from './embedded/embedded-bench';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'bench/results');

async function main(options: BenchOptions): Promise<void> {
  const progress = new Progress();
  const settings = benchSettings(options.quick);
  const results: BenchResults = { startedAt: new Date().toISOString(), durationS: 0, options, machine: machineInfo(), notes: [] };
  progress.line('bench', `${options.quick ? 'quick' : 'full'} run on ${results.machine.cores} cores, load average ${results.machine.loadAverageAtStart.join(' ')}`);
  const started = performance.now();
  const cleanups: Array<() => Promise<void>> = [];
  const cleanup = async () => {
    for (const c of cleanups.splice(0).reverse()) await c().catch((e: unknown) => progress.line('bench', `cleanup failed: ${String(e)}`));
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void cleanup().finally(() => process.exit(130)));
  // e.g. a service that dies while starting: still stop the others and drop the databases
  process.once('uncaughtException', (e) => {
    progress.line('bench', `crashed: ${e.stack ?? String(e)}`);
    void cleanup().finally(() => process.exit(1));
  });
  try {
    if (!options.skipPipeline || !options.skipWake) {
      const cluster = new PipelineCluster({ withSip: !options.skipWake, logDir: join(ROOT, '.run/bench/logs') });
      cleanups.push(() => cluster.stop());
      await cluster.start((what) => progress.line('cluster', what));
      // wake first: the pipeline phases leave push-intake with an outcome backlog that would slow it
      if (!options.skipWake) results.wake = await runWakeBench(cluster, progress, settings.wake);
      if (!options.skipPipeline) results.pipeline = await runPipelineBench(cluster, progress, settings.pipeline);
      progress.line('cluster', 'stopping the service processes, dropping the databases');
      await cleanup();
    }
    if (!options.skipEmbedded) results.embedded = await runEmbeddedBench(progress, settings.embedded);
  } finally {
    await cleanup();
  }
  results.durationS = Math.round((performance.now() - started) / 1000);
  const json = summarise(results);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(OUT, 'latest.svg'), renderResultsChart(json));
  progress.line('bench', `done in ${results.durationS} s: bench/results/latest.json, bench/results/latest.svg`);
  console.log(JSON.stringify(json.headline, null, 2));
}

main(parseBenchArgs(process.argv.slice(2))).then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
