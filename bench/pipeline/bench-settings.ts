import { EmbeddedSettings } from '../embedded/embedded-bench';
import { WakeSettings } from '../wake/wake-bench';
import { PipelineSettings } from './pipeline-bench';

export interface BenchOptions {
  quick: boolean;
  skipPipeline: boolean;
  skipWake: boolean;
  skipEmbedded: boolean;
}

export interface BenchSettings {
  pipeline: PipelineSettings;
  wake: WakeSettings;
  embedded: EmbeddedSettings;
}

const FLAGS: Record<string, keyof BenchOptions> = { '--quick': 'quick', '--skip-pipeline': 'skipPipeline', '--skip-wake': 'skipWake', '--skip-embedded': 'skipEmbedded' };

export function parseBenchArgs(args: string[]): BenchOptions {
  const options: BenchOptions = { quick: false, skipPipeline: false, skipWake: false, skipEmbedded: false };
  for (const a of args) {
    const flag = FLAGS[a];
    if (!flag) throw new Error(`unknown option ${a}; known: ${Object.keys(FLAGS).join(' ')}`);
    options[flag] = true;
  }
  return options;
}

/**
 * Every phase has a time budget; the full run stays within 15 minutes on the 2-core machine:
 * cluster start ≤ 1 min, provisioning ≤ 2.5 min (measured 11 s), throughput 20 s warm-up + 60 s
 * (+ drain ≤ 60 s), latency 30 s (+ drain), wake 2 × 3 rounds of ~6 s, embedded ≤ 2.5 min.
 */
export function benchSettings(quick: boolean): BenchSettings {
  if (quick) {
    return {
      pipeline: { users: 200, clientsPerUser: 3, provisionBudgetS: 40, throughput: { warmupS: 3, windowS: 10, concurrency: 32, backlogCap: 1000, drainS: 30 }, latencyRatePerS: 1000, latencyS: 8 },
      wake: { users: 10, devicesPerUser: 3, rounds: 1, sessionIdleMs: 1500, roundTimeoutS: 30 },
      embedded: { users: 100, clientsPerUser: 3, provisionBudgetS: 30, throughput: { warmupS: 2, windowS: 8, concurrency: 32, backlogCap: 500, drainS: 20 } },
    };
  }
  return {
    pipeline: { users: 2000, clientsPerUser: 3, provisionBudgetS: 150, throughput: { warmupS: 20, windowS: 60, concurrency: 64, backlogCap: 3000, drainS: 60 }, latencyRatePerS: 1000, latencyS: 30 },
    wake: { users: 50, devicesPerUser: 3, rounds: 3, sessionIdleMs: 1500, roundTimeoutS: 45 },
    embedded: { users: 500, clientsPerUser: 3, provisionBudgetS: 60, throughput: { warmupS: 5, windowS: 30, concurrency: 32, backlogCap: 1000, drainS: 30 } },
  };
}
