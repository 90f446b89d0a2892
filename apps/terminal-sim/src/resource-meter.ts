/** Process cost of the simulation (asked for: startup time, RSS and CPU on the 2-core box). */
export interface ResourceUsage {
  readonly uptimeMs: number;
  readonly rssMiB: number;
  readonly heapUsedMiB: number;
  readonly cpuUserMs: number;
  readonly cpuSystemMs: number;
  /** CPU time over wall time since start; 100 = one core busy. */
  readonly cpuPercent: number;
}

export class ResourceMeter {
  private readonly startedAt = performance.now();
  private readonly cpuAtStart = process.cpuUsage();

  sample(): ResourceUsage {
    const uptimeMs = performance.now() - this.startedAt;
    const cpu = process.cpuUsage(this.cpuAtStart);
    const memory = process.memoryUsage();
    const mib = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
    return {
      uptimeMs: Math.round(uptimeMs),
      rssMiB: mib(memory.rss),
      heapUsedMiB: mib(memory.heapUsed),
      cpuUserMs: Math.round(cpu.user / 1000),
      cpuSystemMs: Math.round(cpu.system / 1000),
      cpuPercent: uptimeMs > 0 ? Math.round(((cpu.user + cpu.system) / 1000 / uptimeMs) * 1000) / 10 : 0,
    };
  }
}
