import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { processTreeCpuMs, sampleProcess } from '../lib/process-sampler';

const ROOT = resolve(__dirname, '../..');

export interface ProcessUsage {
  cpuMs: number;
  /** Share of one core during the window, in percent. */
  corePct: number;
  peakRssMiB: number;
}

export interface WindowUsage {
  ms: number;
  byProcess: Record<string, ProcessUsage>;
  /** Whole machine, every core (other engineers' work included), in percent. */
  machineBusyPct: number;
}

/** user+system jiffies of the machine, and idle, from /proc/stat. */
function machineTicks(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const idle = cpu[3] + (cpu[4] ?? 0);
  const total = cpu.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

/** The group whose CPU is its one PID's whole process tree (see processTreeCpuMs). */
export const POSTGRES_GROUP = 'postgres (shared, all backends)';

/**
 * PIDs of the shared infrastructure, for context: Kafka's broker, PostgreSQL's postmaster (its
 * tree: every backend, also those that come and go within the window), Kamailio.
 */
export function infrastructurePids(): Record<string, number[]> {
  const pidFile = (p: string) => (existsSync(p) ? [Number(readFileSync(p, 'utf8').trim())] : []);
  const postmaster = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres' && stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1] === '1';
      } catch {
        return false;
      }
    })
    .map(Number);
  return { 'kafka (shared)': pidFile(`${ROOT}/.run/kafka-19092/broker.pid`), [POSTGRES_GROUP]: postmaster, 'kamailio (shared)': pidFile(`${ROOT}/.run/kamailio-15060/kamailio.pid`) };
}

/**
 * CPU and peak RSS of named groups of processes over one window (bench/lib/process-sampler's /proc
 * reading), plus how busy the whole machine was: on a shared 2-core box that says how much of the
 * figure is ours.
 */
export class CpuMeters {
  private startCpu = new Map<string, number>();
  private peak = new Map<string, number>();
  private started = 0;
  private startTicks = machineTicks();
  private timer?: NodeJS.Timeout;

  constructor(private readonly groups: Record<string, number[]>) {}

  start(): void {
    this.started = performance.now();
    this.startTicks = machineTicks();
    for (const [name, pids] of Object.entries(this.groups)) {
      this.startCpu.set(name, this.cpuOf(pids, name));
      this.peak.set(name, 0);
    }
    this.timer = setInterval(() => this.samplePeaks(), 500);
  }

  stop(): WindowUsage {
    clearInterval(this.timer);
    this.samplePeaks();
    const ms = performance.now() - this.started;
    const ticks = machineTicks();
    const byProcess: Record<string, ProcessUsage> = {};
    for (const [name, pids] of Object.entries(this.groups)) {
      const cpuMs = Math.round(this.cpuOf(pids, name) - (this.startCpu.get(name) ?? 0));
      byProcess[name] = { cpuMs, corePct: Math.round((cpuMs / ms) * 1000) / 10, peakRssMiB: Math.round(((this.peak.get(name) ?? 0) / 1048576) * 10) / 10 };
    }
    const busy = (ticks.busy - this.startTicks.busy) / Math.max(1, ticks.total - this.startTicks.total);
    return { ms: Math.round(ms), byProcess, machineBusyPct: Math.round(busy * 1000) / 10 };
  }

  private cpuOf(pids: number[], group: string): number {
    const cpu = (pid: number) => (group === POSTGRES_GROUP ? processTreeCpuMs(pid) : sampleProcess(pid)?.cpuMs);
    return pids.reduce((sum, pid) => sum + (cpu(pid) ?? 0), 0);
  }

  private samplePeaks(): void {
    for (const [name, pids] of Object.entries(this.groups)) {
      const rss = pids.reduce((sum, pid) => sum + (sampleProcess(pid)?.rssBytes ?? 0), 0);
      if (rss > (this.peak.get(name) ?? 0)) this.peak.set(name, rss);
    }
  }
}

/** "push-intake 41% (0.62 core) | registry 12% ..." sorted by CPU: which process is the limit. */
export function describeShares(usage: WindowUsage, names: readonly string[]): string {
  const total = names.reduce((s, n) => s + (usage.byProcess[n]?.cpuMs ?? 0), 0);
  return names
    .map((n) => ({ n, u: usage.byProcess[n] }))
    .filter((x) => x.u)
    .sort((a, b) => b.u.cpuMs - a.u.cpuMs)
    .map(({ n, u }) => `${n} ${Math.round((u.cpuMs / Math.max(1, total)) * 100)}% (${(u.corePct / 100).toFixed(2)} core)`)
    .join(' | ');
}
