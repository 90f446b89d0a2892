import { benchSettings, parseBenchArgs } from './bench-settings';

describe('bench options', () => {
  it('reads the flags', () => {
    expect(parseBenchArgs(['--quick', '--skip-wake'])).toEqual({ quick: true, skipPipeline: false, skipWake: true, skipEmbedded: false });
  });

  it('refuses an unknown flag', () => {
    expect(() => parseBenchArgs(['--fast'])).toThrow(/unknown option --fast/);
  });

  it('keeps the quick run short and the full run as issue 7 asks', () => {
    const quick = benchSettings(true);
    const full = benchSettings(false);
    expect(quick.pipeline.throughput.windowS).toBeLessThan(full.pipeline.throughput.windowS);
    expect(full.pipeline.users * full.pipeline.clientsPerUser).toBe(6000);
    expect(full.pipeline.latencyRatePerS).toBe(1000);
    expect(full.wake.users * full.wake.devicesPerUser).toBe(150);
  });
});
