import { readdirSync, readFileSync } from 'node:fs';

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

/**
 * CPU time (ms) of a process and all its children, live and exited: its own user+system time, the
 * time of children it has reaped (cutime+cstime), and the live children's. For PostgreSQL's
 * postmaster this is every backend, including those that connect and exit during a window.
 */
export function processTreeCpuMs(pid: number): number | undefined {
  try {
    const fields = statFields(pid);
    const own = Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    let children = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const f = statFields(Number(entry));
        if (Number(f[1]) === pid) children += Number(f[11]) + Number(f[12]);
      } catch {
        // exited while we read: its time is in the parent's cutime/cstime now
      }
    }
    return ((own + children) * 1000) / CLK_TCK;
  } catch {
    return undefined;
  }
}

/** The fields of /proc/<pid>/stat after the command name: [0] state, [1] ppid, [11] utime, [12] stime, [13] cutime, [14] cstime. */
function statFields(pid: number): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
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
