import { readFileSync } from 'node:fs';

const CLK_TCK = 100; // USER_HZ on Linux x86_64

/** CPU time (ms, user+system) and RSS (bytes) of one process, read from /proc. */
export function sampleProcess(pid: number): { cpuMs: number; rssBytes: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const utime = Number(fields[11]);
    const stime = Number(fields[12]);
    const rssPages = Number(fields[21]);
    return { cpuMs: ((utime + stime) * 1000) / CLK_TCK, rssBytes: rssPages * 4096 };
  } catch {
    return undefined;
  }
}

/** Tracks CPU used between start() and stop(), and the peak RSS seen while sampling. */
export class ProcessMeter {
  private startCpu = 0;
  private peakRss = 0;
  private timer?: NodeJS.Timeout;

  constructor(readonly name: string, readonly pid: number) {}

  start(): void {
    this.startCpu = sampleProcess(this.pid)?.cpuMs ?? 0;
    this.peakRss = 0;
    this.timer = setInterval(() => {
      const s = sampleProcess(this.pid);
      if (s && s.rssBytes > this.peakRss) this.peakRss = s.rssBytes;
    }, 250);
  }

  stop(): { cpuMs: number; peakRssMiB: number } {
    clearInterval(this.timer);
    const s = sampleProcess(this.pid);
    if (s && s.rssBytes > this.peakRss) this.peakRss = s.rssBytes;
    return { cpuMs: (s?.cpuMs ?? this.startCpu) - this.startCpu, peakRssMiB: Math.round((this.peakRss / 1048576) * 10) / 10 };
  }
}
